using System.Diagnostics.CodeAnalysis;

namespace Wharf.Core.Status;

/// <summary>ECS strings, ordering and legal transitions of <see cref="EcsTaskStatus"/>.</summary>
public static class EcsTaskStatusExtensions
{
    extension(EcsTaskStatus status)
    {
        /// <summary>True for <see cref="EcsTaskStatus.Stopped"/>: nothing follows it.</summary>
        public bool IsTerminal() => status == EcsTaskStatus.Stopped;

        /// <summary>The ECS wire string, e.g. <c>RUNNING</c>.</summary>
        public string ToEcsString() => status switch
        {
            EcsTaskStatus.Provisioning => "PROVISIONING",
            EcsTaskStatus.Pending => "PENDING",
            EcsTaskStatus.Activating => "ACTIVATING",
            EcsTaskStatus.Running => "RUNNING",
            EcsTaskStatus.Deactivating => "DEACTIVATING",
            EcsTaskStatus.Stopping => "STOPPING",
            EcsTaskStatus.Deprovisioning => "DEPROVISIONING",
            EcsTaskStatus.Stopped => "STOPPED",
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
        };

        /// <summary>
        /// True when moving from this status to <paramref name="next"/> is a legal step: strictly later
        /// in the lifecycle (steps may be skipped). Staying put is not a transition.
        /// </summary>
        public bool CanTransitionTo(EcsTaskStatus next) => next > status && !status.IsTerminal();

        /// <summary>
        /// Parses an ECS string (exact, upper case as ECS sends it). Prefer this over
        /// <see cref="Enum.TryParse{TEnum}(string?, out TEnum)"/>, which matches the C# names instead.
        /// </summary>
        public static bool TryFromEcsString([NotNullWhen(true)] string? value, out EcsTaskStatus result)
        {
            EcsTaskStatus? parsed = value switch
            {
                "PROVISIONING" => EcsTaskStatus.Provisioning,
                "PENDING" => EcsTaskStatus.Pending,
                "ACTIVATING" => EcsTaskStatus.Activating,
                "RUNNING" => EcsTaskStatus.Running,
                "DEACTIVATING" => EcsTaskStatus.Deactivating,
                "STOPPING" => EcsTaskStatus.Stopping,
                "DEPROVISIONING" => EcsTaskStatus.Deprovisioning,
                "STOPPED" => EcsTaskStatus.Stopped,
                _ => null,
            };
            result = parsed.GetValueOrDefault();
            return parsed.HasValue;
        }

        /// <summary>
        /// The status to keep when <paramref name="reported"/> arrives while the task is at
        /// <paramref name="current"/>: the later of the two, so a late or duplicated report never moves
        /// a task backwards (as ecs-agent's task status does).
        /// </summary>
        public static EcsTaskStatus Advance(EcsTaskStatus current, EcsTaskStatus reported) =>
            reported > current ? reported : current;
    }
}
