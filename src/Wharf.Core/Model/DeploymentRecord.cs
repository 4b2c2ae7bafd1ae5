namespace Wharf.Core.Model;

/// <summary>One deployment of a service (ECS <c>Deployment</c>).</summary>
public sealed record DeploymentRecord
{
    /// <summary><c>ecs-svc/</c> and 19 digits.</summary>
    public required string Id { get; init; }
    /// <summary>PRIMARY, ACTIVE or INACTIVE.</summary>
    public required string Status { get; init; }
    public required string TaskDefinitionArn { get; init; }
    public required int DesiredCount { get; init; }
    public int PendingCount { get; init; }
    public int RunningCount { get; init; }
    public int FailedTasks { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public string LaunchType { get; init; } = "EC2";
    /// <summary>The capacity provider strategy the tasks are split by (empty when a launch type was given).</summary>
    public IReadOnlyList<CapacityProviderStrategyRecord> CapacityProviderStrategy { get; init; } = [];
    /// <summary>The Fargate platform version asked for (<c>LATEST</c> when none was); null for the other launch types.</summary>
    public string? PlatformVersion { get; init; }
    /// <summary>IN_PROGRESS, COMPLETED or FAILED.</summary>
    public string RolloutState { get; init; } = "IN_PROGRESS";
    public string? RolloutStateReason { get; init; }
    /// <summary>
    /// The <c>awsvpcConfiguration</c> the deployment's tasks get (null for the other network modes);
    /// the service shows its PRIMARY deployment's.
    /// </summary>
    public AwsvpcConfigurationRecord? NetworkConfiguration { get; init; }
}
