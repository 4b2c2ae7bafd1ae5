namespace Wharf.Scheduling.Reconcilers;

/// <summary>One task of a service whose desired status is RUNNING.</summary>
public sealed record ServiceTaskSnapshot
{
    /// <summary>The task ARN.</summary>
    public required string TaskArn { get; init; }

    /// <summary>The deployment (<c>ecs-svc/…</c>) that started the task.</summary>
    public required string DeploymentId { get; init; }

    /// <summary>Pending or running.</summary>
    public ServiceTaskState State { get; init; } = ServiceTaskState.Running;

    /// <summary>Health for the bounds.</summary>
    public TaskHealth Health { get; init; } = TaskHealth.Unknown;

    /// <summary>The instance the task is on.</summary>
    public string? ContainerInstanceArn { get; init; }

    /// <summary>The instance's <c>ecs.availability-zone</c>, used to keep zones balanced on scale-in.</summary>
    public string? AvailabilityZone { get; init; }

    /// <summary>The instance's condition.</summary>
    public HostCondition Host { get; init; } = HostCondition.Active;

    /// <summary>When the task started (or was created); on scale-in, among equals, the newest goes first.</summary>
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>Running and healthy: what the minimum healthy bound counts.</summary>
    public bool IsHealthy => State == ServiceTaskState.Running && Health == TaskHealth.Healthy && Host != HostCondition.Lost;
}
