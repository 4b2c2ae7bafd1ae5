using System.Diagnostics.CodeAnalysis;

namespace Wharf.Core.Status;

/// <summary>ECS strings and ordering of <see cref="DesiredStatus"/>.</summary>
public static class DesiredStatusExtensions
{
    extension(DesiredStatus status)
    {
        /// <summary>True when no further status follows.</summary>
        public bool IsTerminal() => status == DesiredStatus.Stopped;

        /// <summary>The ECS wire string.</summary>
        public string ToEcsString() => status switch
        {
            DesiredStatus.Pending => "PENDING",
            DesiredStatus.Running => "RUNNING",
            DesiredStatus.Stopped => "STOPPED",
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
        };

        /// <summary>True when <paramref name="next"/> is strictly later (steps may be skipped).</summary>
        public bool CanTransitionTo(DesiredStatus next) => next > status && !status.IsTerminal();

        /// <summary>
        /// Parses an ECS string (exact case, as ECS sends it). Not <see cref="Enum.TryParse{TEnum}(string?, out TEnum)"/>,
        /// which matches the C# names.
        /// </summary>
        public static bool TryFromEcsString([NotNullWhen(true)] string? value, out DesiredStatus result)
        {
            DesiredStatus? parsed = value switch
            {
                "PENDING" => DesiredStatus.Pending,
                "RUNNING" => DesiredStatus.Running,
                "STOPPED" => DesiredStatus.Stopped,
                _ => null,
            };
            result = parsed.GetValueOrDefault();
            return parsed.HasValue;
        }

        /// <summary>
        /// The later of <paramref name="current"/> and <paramref name="reported"/>: a late or duplicated
        /// report never moves it backwards.
        /// </summary>
        public static DesiredStatus Advance(DesiredStatus current, DesiredStatus reported) =>
            reported > current ? reported : current;
    }
}
