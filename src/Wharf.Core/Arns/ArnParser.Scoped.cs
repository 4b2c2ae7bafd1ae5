using System.Diagnostics.CodeAnalysis;

namespace Wharf.Core.Arns;

/// <summary>Resources that live inside a cluster, and task definitions.</summary>
public sealed partial class ArnParser
{
    /// <summary>
    /// A task id or ARN (long <c>task/{cluster}/{id}</c> or old short <c>task/{id}</c>) to the task id.
    /// A long ARN must name <paramref name="clusterName"/>, the cluster of the request.
    /// </summary>
    public string ParseTaskReference(string reference, string clusterName) =>
        TryParseTaskReference(reference, clusterName, out var id, out var error) ? id : throw new InvalidArnException(error);

    /// <inheritdoc cref="ParseTaskReference"/>
    public bool TryParseTaskReference(
        string? reference,
        string clusterName,
        [NotNullWhen(true)] out string? taskId,
        [NotNullWhen(false)] out string? error) =>
        TryParseClusterScoped(reference, clusterName, EcsResourceType.Task, out taskId, out error);

    /// <summary>A container instance id or ARN to the id; a long ARN must name <paramref name="clusterName"/>.</summary>
    public string ParseContainerInstanceReference(string reference, string clusterName) =>
        TryParseContainerInstanceReference(reference, clusterName, out var id, out var error)
            ? id
            : throw new InvalidArnException(error);

    /// <inheritdoc cref="ParseContainerInstanceReference"/>
    public bool TryParseContainerInstanceReference(
        string? reference,
        string clusterName,
        [NotNullWhen(true)] out string? containerInstanceId,
        [NotNullWhen(false)] out string? error) =>
        TryParseClusterScoped(reference, clusterName, EcsResourceType.ContainerInstance, out containerInstanceId, out error);

    /// <summary>A service name or ARN to the name; a long ARN must name <paramref name="clusterName"/>.</summary>
    public string ParseServiceReference(string reference, string clusterName) =>
        TryParseServiceReference(reference, clusterName, out var name, out var error) ? name : throw new InvalidArnException(error);

    /// <inheritdoc cref="ParseServiceReference"/>
    public bool TryParseServiceReference(
        string? reference,
        string clusterName,
        [NotNullWhen(true)] out string? serviceName,
        [NotNullWhen(false)] out string? error) =>
        TryParseClusterScoped(reference, clusterName, EcsResourceType.Service, out serviceName, out error);

    /// <summary>
    /// A task set id (<c>ecs-svc/…</c>) or ARN to the id; an ARN must name the request's cluster and service.
    /// </summary>
    public string ParseTaskSetReference(string reference, string clusterName, string serviceName) =>
        TryParseTaskSetReference(reference, clusterName, serviceName, out var id, out var error)
            ? id
            : throw new InvalidArnException(error);

    /// <inheritdoc cref="ParseTaskSetReference"/>
    public bool TryParseTaskSetReference(
        string? reference,
        string clusterName,
        string serviceName,
        [NotNullWhen(true)] out string? taskSetId,
        [NotNullWhen(false)] out string? error)
    {
        taskSetId = null;
        if (string.IsNullOrEmpty(reference))
        {
            error = ArnErrors.Empty(EcsResourceType.TaskSet);
            return false;
        }

        if (!Arn.LooksLikeArn(reference))
        {
            if (!EcsIds.IsValidServiceScopedId(reference))
            {
                error = ArnErrors.BadTaskSetId(reference);
                return false;
            }

            taskSetId = reference;
            error = null;
            return true;
        }

        if (!TryParseResourceArn(reference, out var resource, out error))
        {
            return false;
        }

        if (resource.Type != EcsResourceType.TaskSet)
        {
            error = ArnErrors.WrongResourceType(reference, EcsResourceType.TaskSet);
            return false;
        }

        if (resource.ClusterName != clusterName)
        {
            error = ArnErrors.WrongCluster(resource.ClusterName!, clusterName);
            return false;
        }

        if (resource.ServiceName != serviceName)
        {
            error = $"Invalid identifier: Identifier is for service {resource.ServiceName}. Your service is {serviceName}.";
            return false;
        }

        taskSetId = resource.Name;
        return true;
    }

    /// <summary>A container ARN (long <c>container/{cluster}/{taskId}/{uuid}</c> or short <c>container/{uuid}</c>) to its parts.</summary>
    public ContainerArnReference ParseContainerArn(string arn) =>
        TryParseContainerArn(arn, out var reference, out var error) ? reference : throw new InvalidArnException(error);

    /// <inheritdoc cref="ParseContainerArn"/>
    public bool TryParseContainerArn(
        string? arn,
        [NotNullWhen(true)] out ContainerArnReference? reference,
        [NotNullWhen(false)] out string? error)
    {
        reference = null;
        if (!TryResolve(arn, out var type, out var path, out error))
        {
            return false;
        }

        if (type != EcsResourceType.Container)
        {
            error = ArnErrors.WrongResourceType(arn, EcsResourceType.Container);
            return false;
        }

        var parts = path.Split('/');
        (string? cluster, string? taskId, string containerId) = parts.Length switch
        {
            1 => (null, null, parts[0]),
            3 => (parts[0], parts[1], parts[2]),
            _ => (null, null, string.Empty),
        };

        if (containerId.Length == 0 || cluster is { Length: 0 })
        {
            error = ArnErrors.UnexpectedSeparators(arn);
            return false;
        }

        if (taskId is not null && !EcsIds.IsValidTaskId(taskId))
        {
            error = ArnErrors.BadId(arn, EcsResourceType.Task);
            return false;
        }

        if (!EcsIds.IsValidContainerId(containerId))
        {
            error = ArnErrors.BadContainerId(arn);
            return false;
        }

        reference = new ContainerArnReference(cluster, taskId, containerId);
        return true;
    }

    /// <summary>
    /// <c>family</c>, <c>family:revision</c> or a task definition ARN (which must carry a revision)
    /// to a family and optional revision.
    /// </summary>
    public TaskDefinitionReference ParseTaskDefinitionReference(string reference) =>
        TryParseTaskDefinitionReference(reference, out var parsed, out var error) ? parsed : throw new InvalidArnException(error);

    /// <inheritdoc cref="ParseTaskDefinitionReference"/>
    public bool TryParseTaskDefinitionReference(
        string? reference,
        [NotNullWhen(true)] out TaskDefinitionReference? parsed,
        [NotNullWhen(false)] out string? error)
    {
        parsed = null;
        if (!Arn.LooksLikeArn(reference))
        {
            return TaskDefinitionReference.TryParse(reference, out parsed, out error);
        }

        if (!TryResolve(reference, EcsResourceType.TaskDefinition, out var path, out error))
        {
            return false;
        }

        if (!TaskDefinitionReference.TryParse(path, out parsed, out error))
        {
            error = path.Contains('/', StringComparison.Ordinal) ? ArnErrors.UnexpectedSeparators(reference) : error;
            return false;
        }

        if (parsed.Revision is null)
        {
            parsed = null;
            error = ArnErrors.MissingRevision(reference);
            return false;
        }

        return true;
    }

    /// <summary>
    /// An id or name, or an ARN <c>type/{cluster}/{id}</c> or old short <c>type/{id}</c>, to the id.
    /// Ids of tasks and container instances are checked for shape; service names given bare are not.
    /// </summary>
    private bool TryParseClusterScoped(
        string? reference,
        string clusterName,
        EcsResourceType type,
        [NotNullWhen(true)] out string? id,
        [NotNullWhen(false)] out string? error)
    {
        id = null;
        if (string.IsNullOrEmpty(reference))
        {
            error = ArnErrors.Empty(type);
            return false;
        }

        if (!Arn.LooksLikeArn(reference))
        {
            if (type != EcsResourceType.Service && !EcsIds.IsValidTaskId(reference))
            {
                error = ArnErrors.BadId(reference, type);
                return false;
            }

            id = reference;
            error = null;
            return true;
        }

        if (!TryParseResourceArn(reference, out var resource, out error))
        {
            return false;
        }

        if (resource.Type != type)
        {
            error = ArnErrors.WrongResourceType(reference, type);
            return false;
        }

        if (resource.ClusterName is not null && resource.ClusterName != clusterName)
        {
            error = ArnErrors.WrongCluster(resource.ClusterName, clusterName);
            return false;
        }

        id = resource.Name;
        return true;
    }
}
