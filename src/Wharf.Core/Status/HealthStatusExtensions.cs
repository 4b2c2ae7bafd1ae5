using System.Diagnostics.CodeAnalysis;

namespace Wharf.Core.Status;

/// <summary>ECS strings of <see cref="HealthStatus"/>.</summary>
public static class HealthStatusExtensions
{
    extension(HealthStatus status)
    {
        /// <summary>The ECS wire string.</summary>
        public string ToEcsString() => status switch
        {
            HealthStatus.Unknown => "UNKNOWN",
            HealthStatus.Healthy => "HEALTHY",
            HealthStatus.Unhealthy => "UNHEALTHY",
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
        };

        /// <summary>
        /// Parses an ECS string (exact case, as ECS sends it). Not <see cref="Enum.TryParse{TEnum}(string?, out TEnum)"/>,
        /// which matches the C# names.
        /// </summary>
        public static bool TryFromEcsString([NotNullWhen(true)] string? value, out HealthStatus result)
        {
            HealthStatus? parsed = value switch
            {
                "UNKNOWN" => HealthStatus.Unknown,
                "HEALTHY" => HealthStatus.Healthy,
                "UNHEALTHY" => HealthStatus.Unhealthy,
                _ => null,
            };
            result = parsed.GetValueOrDefault();
            return parsed.HasValue;
        }
    }
}
