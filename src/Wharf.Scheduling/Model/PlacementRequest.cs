namespace Wharf.Scheduling.Model;

/// <summary>
/// Everything placement needs about the tasks to place: what each reserves, the group it joins,
/// and the constraints and strategies that apply. One request places <see cref="Count"/> identical tasks.
/// </summary>
public sealed record PlacementRequest
{
    /// <summary>CPU units each task reserves (see <see cref="TaskResources.ReservedCpu"/>).</summary>
    public int Cpu { get; init; }

    /// <summary>Memory in MiB each task reserves (see <see cref="TaskResources.ReservedMemory"/>).</summary>
    public required int Memory { get; init; }

    /// <summary>Static host ports each task binds; dynamic ports (<c>hostPort: 0</c>) are not listed.</summary>
    public IReadOnlyList<HostPort> StaticHostPorts { get; init; } = [];

    /// <summary>The task group: <c>service:name</c> for a service, the RunTask <c>group</c> (default <c>family:name</c>).</summary>
    public required string Group { get; init; }

    /// <summary>The task definition family.</summary>
    public required string TaskDefinitionFamily { get; init; }

    /// <summary>The tasks' <c>startedBy</c>, recorded on the instance as tasks are placed.</summary>
    public string? StartedBy { get; init; }

    /// <summary>For <c>awsvpc</c> tasks, the zones of their subnets; null for the other network modes.</summary>
    public SubnetZones? SubnetZones { get; init; }

    /// <summary>Constraints given with the request (RunTask, CreateService).</summary>
    public IReadOnlyList<PlacementConstraint> Constraints { get; init; } = [];

    /// <summary>The task definition's <c>placementConstraints</c> (memberOf only).</summary>
    public IReadOnlyList<PlacementConstraint> TaskDefinitionConstraints { get; init; } = [];

    /// <summary>The task definition's <c>requiresAttributes</c>.</summary>
    public IReadOnlyList<RequiredAttribute> RequiredAttributes { get; init; } = [];

    /// <summary>Strategies in order; null or empty means the ECS defaults for <see cref="Origin"/>.</summary>
    public IReadOnlyList<PlacementStrategy>? Strategies { get; init; }

    /// <summary>Who places; decides the default strategies.</summary>
    public PlacementOrigin Origin { get; init; } = PlacementOrigin.RunTask;

    /// <summary>How many tasks to place (RunTask allows 1–10; a service asks for what it lacks).</summary>
    public int Count { get; init; } = 1;

    /// <summary>
    /// The constraints that bind, merged as ECS does: the task definition's and the request's
    /// both apply (a conjunction), the task definition's first.
    /// </summary>
    public IEnumerable<PlacementConstraint> EffectiveConstraints => TaskDefinitionConstraints.Concat(Constraints);

    /// <summary>
    /// The strategies that rank: the given ones, or the documented defaults. A service spreads
    /// across <c>attribute:ecs.availability-zone</c>, then across instances ("favoring container
    /// instances with the fewest number of running tasks for this service"). ECS documents no
    /// default for standalone tasks; Wharf places them at random.
    /// </summary>
    public IReadOnlyList<PlacementStrategy> EffectiveStrategies => Strategies is { Count: > 0 }
        ? Strategies
        : Origin == PlacementOrigin.Service ? DefaultServiceStrategies : DefaultRunTaskStrategies;

    /// <summary>The ECS service default: spread on availability zone, then on instance.</summary>
    public static IReadOnlyList<PlacementStrategy> DefaultServiceStrategies { get; } =
        [PlacementStrategy.SpreadAttribute("ecs.availability-zone"), PlacementStrategy.SpreadInstanceId];

    /// <summary>The default for standalone tasks: random.</summary>
    public static IReadOnlyList<PlacementStrategy> DefaultRunTaskStrategies { get; } = [PlacementStrategy.Random];
}
