using System.Diagnostics.CodeAnalysis;

namespace Wharf.Core.Status;

/// <summary>ECS strings and legal transitions of <see cref="ContainerInstanceStatus"/>.</summary>
public static class ContainerInstanceStatusExtensions
{
    extension(ContainerInstanceStatus status)
    {
        /// <summary>True when no further status follows.</summary>
        public bool IsTerminal() =>
            status is ContainerInstanceStatus.RegistrationFailed or ContainerInstanceStatus.Inactive;

        /// <summary>The ECS wire string.</summary>
        public string ToEcsString() => status switch
        {
            ContainerInstanceStatus.Registering => "REGISTERING",
            ContainerInstanceStatus.RegistrationFailed => "REGISTRATION_FAILED",
            ContainerInstanceStatus.Active => "ACTIVE",
            ContainerInstanceStatus.Draining => "DRAINING",
            ContainerInstanceStatus.Deregistering => "DEREGISTERING",
            ContainerInstanceStatus.Inactive => "INACTIVE",
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
        };

        /// <summary>True when moving from this status to <paramref name="next"/> is legal.</summary>
        public bool CanTransitionTo(ContainerInstanceStatus next) => (status, next) switch
        {
            (ContainerInstanceStatus.Registering, ContainerInstanceStatus.Active
                or ContainerInstanceStatus.RegistrationFailed
                or ContainerInstanceStatus.Deregistering
                or ContainerInstanceStatus.Inactive) => true,
            (ContainerInstanceStatus.Active, ContainerInstanceStatus.Draining
                or ContainerInstanceStatus.Deregistering
                or ContainerInstanceStatus.Inactive) => true,
            (ContainerInstanceStatus.Draining, ContainerInstanceStatus.Active
                or ContainerInstanceStatus.Deregistering
                or ContainerInstanceStatus.Inactive) => true,
            (ContainerInstanceStatus.Deregistering, ContainerInstanceStatus.Inactive) => true,
            _ => false,
        };

        /// <summary>
        /// Parses an ECS string (exact case, as ECS sends it). Not <see cref="Enum.TryParse{TEnum}(string?, out TEnum)"/>,
        /// which matches the C# names.
        /// </summary>
        public static bool TryFromEcsString([NotNullWhen(true)] string? value, out ContainerInstanceStatus result)
        {
            ContainerInstanceStatus? parsed = value switch
            {
                "REGISTERING" => ContainerInstanceStatus.Registering,
                "REGISTRATION_FAILED" => ContainerInstanceStatus.RegistrationFailed,
                "ACTIVE" => ContainerInstanceStatus.Active,
                "DRAINING" => ContainerInstanceStatus.Draining,
                "DEREGISTERING" => ContainerInstanceStatus.Deregistering,
                "INACTIVE" => ContainerInstanceStatus.Inactive,
                _ => null,
            };
            result = parsed.GetValueOrDefault();
            return parsed.HasValue;
        }
    }
}
