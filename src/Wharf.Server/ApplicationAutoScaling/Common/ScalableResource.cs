namespace Wharf.Server.ApplicationAutoScaling.Common;

/// <summary>
/// A checked (namespace, resource id, dimension) triple. Wharf scales ECS services' desired count,
/// <c>service/&lt;cluster&gt;/&lt;service&gt;</c> with <c>ecs:service:DesiredCount</c>.
/// </summary>
internal sealed record ScalableResource(string ServiceNamespace, string ResourceId, string ScalableDimension, string ClusterName, string ServiceName)
{
    public const string Ecs = "ecs";
    public const string DesiredCount = "ecs:service:DesiredCount";

    public string Key => ScalingKinds.TargetKey(ServiceNamespace, ScalableDimension, ResourceId);

    /// <summary>Checks the triple as RegisterScalableTarget and the other operations do.</summary>
    public static ScalableResource Parse(string? serviceNamespace, string? resourceId, string? dimension)
    {
        CheckNamespace(serviceNamespace);
        if (dimension != DesiredCount)
        {
            throw ScalingErrors.Validation(
                $"Unsupported scalable dimension '{dimension}' for service namespace '{serviceNamespace}'. Valid value: {DesiredCount}.");
        }

        var parts = (resourceId ?? "").Split('/');
        if (parts.Length != 3 || parts[0] != "service" || parts[1].Length == 0 || parts[2].Length == 0)
        {
            throw ScalingErrors.Validation(
                $"Unsupported resource ID '{resourceId}'. An ECS service resource ID has the form service/<cluster-name>/<service-name>.");
        }

        return new ScalableResource(Ecs, resourceId!, dimension, parts[1], parts[2]);
    }

    /// <summary>Only <c>ecs</c> is served; other namespaces are a ValidationException.</summary>
    public static void CheckNamespace(string? serviceNamespace)
    {
        if (serviceNamespace != Ecs)
        {
            throw ScalingErrors.Validation($"Unsupported service namespace '{serviceNamespace}'. This endpoint scales ECS services (ecs).");
        }
    }

    /// <summary>An optional dimension filter of the Describe operations.</summary>
    public static void CheckDimensionFilter(string? dimension)
    {
        if (dimension is not null && dimension != DesiredCount)
        {
            throw ScalingErrors.Validation($"Unsupported scalable dimension '{dimension}' for service namespace 'ecs'.");
        }
    }
}
