using System.Diagnostics.CodeAnalysis;

namespace Wharf.Core.Status;

/// <summary>ECS strings and ordering of <see cref="ContainerStatus"/>.</summary>
public static class ContainerStatusExtensions
{
    extension(ContainerStatus status)
    {
        /// <summary>True when no further status follows.</summary>
        public bool IsTerminal() => status == ContainerStatus.Stopped;

        /// <summary>The ECS wire string.</summary>
        public string ToEcsString() => status switch
        {
            ContainerStatus.Pending => "PENDING",
            ContainerStatus.Running => "RUNNING",
            ContainerStatus.Stopped => "STOPPED",
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
        };

        /// <summary>True when <paramref name="next"/> is strictly later (steps may be skipped).</summary>
        public bool CanTransitionTo(ContainerStatus next) => next > status && !status.IsTerminal();

        /// <summary>
        /// Parses an ECS string (exact case, as ECS sends it). Not <see cref="Enum.TryParse{TEnum}(string?, out TEnum)"/>,
        /// which matches the C# names.
        /// </summary>
        public static bool TryFromEcsString([NotNullWhen(true)] string? value, out ContainerStatus result)
        {
            ContainerStatus? parsed = value switch
            {
                "PENDING" => ContainerStatus.Pending,
                "RUNNING" => ContainerStatus.Running,
                "STOPPED" => ContainerStatus.Stopped,
                _ => null,
            };
            result = parsed.GetValueOrDefault();
            return parsed.HasValue;
        }

        /// <summary>
        /// The later of <paramref name="current"/> and <paramref name="reported"/>: a late or duplicated
        /// report never moves it backwards.
        /// </summary>
        public static ContainerStatus Advance(ContainerStatus current, ContainerStatus reported) =>
            reported > current ? reported : current;
    }
}
