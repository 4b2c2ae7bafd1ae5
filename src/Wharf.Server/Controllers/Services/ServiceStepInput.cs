using Wharf.Core.Model;
using Wharf.Server.Placement;

namespace Wharf.Server.Controllers.Services;

/// <summary>What one reconcile step of one service reads: a consistent view of it and its cluster.</summary>
internal sealed record ServiceStepInput
{
    public required ServiceRecord Service { get; init; }
    public required ClusterRecord Cluster { get; init; }

    /// <summary>The cluster's instances and non-STOPPED tasks, at the versions read.</summary>
    public required ClusterSnapshot Snapshot { get; init; }

    /// <summary>Every task of the service, STOPPED ones included (for failure accounting).</summary>
    public required IReadOnlyList<TaskRecord> Tasks { get; init; }

    /// <summary>The blueprint of each deployment's task definition, by task definition ARN.</summary>
    public required IReadOnlyDictionary<string, TaskBlueprint> Blueprints { get; init; }

    /// <summary>Instances declared lost (see <see cref="InstanceHealthMonitor"/>).</summary>
    public required IReadOnlySet<string> LostInstances { get; init; }

    public required DateTimeOffset Now { get; init; }

    /// <summary>How often a recurring condition may be reported again.</summary>
    public TimeSpan ConditionRepeat { get; init; } = TimeSpan.FromMinutes(5);
}
