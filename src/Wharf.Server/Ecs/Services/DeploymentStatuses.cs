namespace Wharf.Server.Ecs.Services;

/// <summary>The deployment <c>status</c> and <c>rolloutState</c> strings, as ECS writes them.</summary>
internal static class DeploymentStatuses
{
    public const string Primary = "PRIMARY";
    public const string Active = "ACTIVE";
    public const string Inactive = "INACTIVE";

    public const string InProgress = "IN_PROGRESS";
    public const string Completed = "COMPLETED";
    public const string Failed = "FAILED";
}
