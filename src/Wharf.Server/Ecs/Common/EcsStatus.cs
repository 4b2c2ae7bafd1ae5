namespace Wharf.Server.Ecs.Common;

/// <summary>The status strings of clusters, container instances and task definitions, as ECS writes them.</summary>
internal static class EcsStatus
{
    public const string Active = "ACTIVE";
    public const string Inactive = "INACTIVE";
    public const string Draining = "DRAINING";
    public const string DeleteInProgress = "DELETE_IN_PROGRESS";
}
