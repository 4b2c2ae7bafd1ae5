namespace Wharf.Scheduling.Query;

/// <summary>
/// What a cluster query can ask of an instance. Placement's mutable instance state implements it
/// directly, so evaluating a constraint in the hot path allocates nothing.
/// </summary>
internal interface IQueryTarget
{
    bool AgentConnected { get; }

    string? AgentVersion { get; }

    string? Ec2InstanceId { get; }

    DateTimeOffset RegisteredAt { get; }

    int RunningTasksCount { get; }

    /// <summary>The distinct groups of the tasks on the instance.</summary>
    IEnumerable<string> TaskGroups { get; }

    bool TryGetAttribute(string name, out string? value);

    bool HasTaskGroup(string group);
}
