using Wharf.Core.Model;
using Wharf.Server.State;

namespace Wharf.Server.Placement;

/// <summary>
/// What one placement attempt decided over a <see cref="ClusterSnapshot"/>: the tasks to create
/// (each names its container instance), any other writes that must land in the same commit
/// (idempotency record, tags), and what to answer the caller once it is committed.
/// </summary>
internal sealed record PlacementPlan<TResult>(IReadOnlyList<TaskRecord> Tasks, TResult Result)
{
    /// <summary>Extra writes staged in the placement's transaction.</summary>
    public Action<StateWrite>? Writes { get; init; }

    /// <summary>A plan that writes nothing and answers <paramref name="result"/>.</summary>
    public static PlacementPlan<TResult> Nothing(TResult result) => new([], result);
}
