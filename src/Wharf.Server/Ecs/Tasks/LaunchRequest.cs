using Wharf.Protocol.Generated.Ecs;

namespace Wharf.Server.Ecs.Tasks;

/// <summary>What RunTask and StartTask have in common: a definition to start, and how to start it.</summary>
internal sealed record LaunchRequest
{
    /// <summary>RunTask's limit on <c>startedBy</c>.</summary>
    public const int RunTaskStartedByLimit = 128;

    /// <summary>StartTask's limit on <c>startedBy</c> (its reference says 36).</summary>
    public const int StartTaskStartedByLimit = 36;

    public string? Cluster { get; init; }
    public string? TaskDefinition { get; init; }
    public TaskOverride? Overrides { get; init; }
    public string? Group { get; init; }
    public string? StartedBy { get; init; }
    public List<Tag>? Tags { get; init; }
    public string? PropagateTags { get; init; }
    public bool EnableEcsManagedTags { get; init; }
    public bool EnableExecuteCommand { get; init; }
    public NetworkConfiguration? NetworkConfiguration { get; init; }
    public string? LaunchType { get; init; }
    public List<CapacityProviderStrategyItem>? CapacityProviderStrategy { get; init; }
    public string? PlatformVersion { get; init; }
    public int StartedByLimit { get; init; } = RunTaskStartedByLimit;

    public static LaunchRequest From(RunTaskRequest request) => new()
    {
        Cluster = request.Cluster,
        TaskDefinition = request.TaskDefinition,
        Overrides = request.Overrides,
        Group = request.Group,
        StartedBy = request.StartedBy,
        Tags = request.Tags,
        PropagateTags = request.PropagateTags,
        EnableEcsManagedTags = request.EnableECSManagedTags ?? false,
        EnableExecuteCommand = request.EnableExecuteCommand ?? false,
        NetworkConfiguration = request.NetworkConfiguration,
        LaunchType = request.LaunchType,
        CapacityProviderStrategy = request.CapacityProviderStrategy,
        PlatformVersion = request.PlatformVersion,
        StartedByLimit = RunTaskStartedByLimit,
    };

    public static LaunchRequest From(StartTaskRequest request) => new()
    {
        Cluster = request.Cluster,
        TaskDefinition = request.TaskDefinition,
        Overrides = request.Overrides,
        Group = request.Group,
        StartedBy = request.StartedBy,
        Tags = request.Tags,
        PropagateTags = request.PropagateTags,
        EnableEcsManagedTags = request.EnableECSManagedTags ?? false,
        EnableExecuteCommand = request.EnableExecuteCommand ?? false,
        NetworkConfiguration = request.NetworkConfiguration,

        // StartTask places on the instances it names: EC2, never the cluster's default strategy.
        LaunchType = "EC2",
        StartedByLimit = StartTaskStartedByLimit,
    };
}
