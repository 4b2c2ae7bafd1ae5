using System.Diagnostics.CodeAnalysis;

namespace Wharf.Core.Status;

/// <summary>ECS strings and legal transitions of <see cref="ClusterStatus"/>.</summary>
public static class ClusterStatusExtensions
{
    extension(ClusterStatus status)
    {
        /// <summary>True when no further status follows.</summary>
        public bool IsTerminal() => status == ClusterStatus.Inactive;

        /// <summary>The ECS wire string.</summary>
        public string ToEcsString() => status switch
        {
            ClusterStatus.Provisioning => "PROVISIONING",
            ClusterStatus.Active => "ACTIVE",
            ClusterStatus.Deprovisioning => "DEPROVISIONING",
            ClusterStatus.Failed => "FAILED",
            ClusterStatus.Inactive => "INACTIVE",
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
        };

        /// <summary>True when moving from this status to <paramref name="next"/> is legal.</summary>
        public bool CanTransitionTo(ClusterStatus next) => (status, next) switch
        {
            (ClusterStatus.Provisioning, ClusterStatus.Active or ClusterStatus.Failed) => true,
            (ClusterStatus.Active, ClusterStatus.Deprovisioning or ClusterStatus.Inactive) => true,
            (ClusterStatus.Deprovisioning, ClusterStatus.Inactive) => true,
            (ClusterStatus.Failed, ClusterStatus.Deprovisioning or ClusterStatus.Inactive) => true,
            _ => false,
        };

        /// <summary>
        /// Parses an ECS string (exact case, as ECS sends it). Not <see cref="Enum.TryParse{TEnum}(string?, out TEnum)"/>,
        /// which matches the C# names.
        /// </summary>
        public static bool TryFromEcsString([NotNullWhen(true)] string? value, out ClusterStatus result)
        {
            ClusterStatus? parsed = value switch
            {
                "PROVISIONING" => ClusterStatus.Provisioning,
                "ACTIVE" => ClusterStatus.Active,
                "DEPROVISIONING" => ClusterStatus.Deprovisioning,
                "FAILED" => ClusterStatus.Failed,
                "INACTIVE" => ClusterStatus.Inactive,
                _ => null,
            };
            result = parsed.GetValueOrDefault();
            return parsed.HasValue;
        }
    }
}
