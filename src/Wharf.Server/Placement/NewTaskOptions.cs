namespace Wharf.Server.Placement;

/// <summary>What a new task carries besides its definition: who started it and how.</summary>
/// <param name="Group">The task group (<c>family:name</c> by default, <c>service:name</c> for services).</param>
/// <param name="StartedBy">The <c>startedBy</c> tag, if any.</param>
/// <param name="LaunchType">EC2, EXTERNAL or FARGATE.</param>
internal sealed record NewTaskOptions(string Group, string? StartedBy, string LaunchType = "EC2")
{
    public bool EnableExecuteCommand { get; init; }

    /// <summary>FARGATE or FARGATE_SPOT when the task comes from a capacity provider strategy.</summary>
    public string? CapacityProviderName { get; init; }

    /// <summary>The Fargate platform version the task runs on (null for the other launch types).</summary>
    public string? PlatformVersion { get; init; }

    /// <summary>The service that owns the task, for service tasks.</summary>
    public string? ServiceArn { get; init; }

    /// <summary>The deployment that started the task, for service tasks.</summary>
    public string? DeploymentId { get; init; }

    /// <summary>For <c>awsvpc</c> tasks, the subnets and security groups of their interfaces.</summary>
    public TaskNetwork? Network { get; init; }
}
