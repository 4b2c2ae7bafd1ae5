namespace Wharf.Core.Model;

/// <summary>
/// The document kinds Wharf keeps in its state store, with what their key and partition are.
/// Keys are chosen so that an ordinal key order is the order the API lists things in.
/// </summary>
public static class StateKinds
{
    /// <summary>Key: cluster name. Partition: "". Body: <see cref="ClusterRecord"/>.</summary>
    public const string Cluster = "cluster";

    /// <summary>Key: <c>{family}:{revision:D10}</c>. Partition: family. Body: <see cref="TaskDefinitionRecord"/>.</summary>
    public const string TaskDefinition = "taskdef";

    /// <summary>Key: family. Partition: "". Body: <see cref="TaskDefinitionFamilyRecord"/> (revision counter).</summary>
    public const string TaskDefinitionFamily = "taskdef-family";

    /// <summary>Key: task ARN. Partition: cluster ARN. Body: <see cref="TaskRecord"/>.</summary>
    public const string Task = "task";

    /// <summary>Key: container instance ARN. Partition: cluster ARN. Body: <see cref="ContainerInstanceRecord"/>.</summary>
    public const string ContainerInstance = "container-instance";

    /// <summary>Key: <c>{cluster ARN}|{clientToken}</c>. Partition: cluster ARN. Body: <see cref="IdempotencyRecord"/>.</summary>
    public const string Idempotency = "idempotency";

    /// <summary>Key: resource ARN. Partition: "". Body: <see cref="TagSet"/>.</summary>
    public const string Tags = "tags";

    /// <summary>Key: service ARN. Partition: cluster ARN. Body: service record (issue 3).</summary>
    public const string Service = "service";
}
