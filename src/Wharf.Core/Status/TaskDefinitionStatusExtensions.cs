using System.Diagnostics.CodeAnalysis;

namespace Wharf.Core.Status;

/// <summary>ECS strings and legal transitions of <see cref="TaskDefinitionStatus"/>.</summary>
public static class TaskDefinitionStatusExtensions
{
    extension(TaskDefinitionStatus status)
    {
        /// <summary>True when no further status follows.</summary>
        public bool IsTerminal() => status == TaskDefinitionStatus.DeleteInProgress;

        /// <summary>The ECS wire string.</summary>
        public string ToEcsString() => status switch
        {
            TaskDefinitionStatus.Active => "ACTIVE",
            TaskDefinitionStatus.Inactive => "INACTIVE",
            TaskDefinitionStatus.DeleteInProgress => "DELETE_IN_PROGRESS",
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
        };

        /// <summary>True when moving from this status to <paramref name="next"/> is legal.</summary>
        public bool CanTransitionTo(TaskDefinitionStatus next) => (status, next) switch
        {
            (TaskDefinitionStatus.Active, TaskDefinitionStatus.Inactive) => true,
            (TaskDefinitionStatus.Inactive, TaskDefinitionStatus.DeleteInProgress) => true,
            _ => false,
        };

        /// <summary>
        /// Parses an ECS string (exact case, as ECS sends it). Not <see cref="Enum.TryParse{TEnum}(string?, out TEnum)"/>,
        /// which matches the C# names.
        /// </summary>
        public static bool TryFromEcsString([NotNullWhen(true)] string? value, out TaskDefinitionStatus result)
        {
            TaskDefinitionStatus? parsed = value switch
            {
                "ACTIVE" => TaskDefinitionStatus.Active,
                "INACTIVE" => TaskDefinitionStatus.Inactive,
                "DELETE_IN_PROGRESS" => TaskDefinitionStatus.DeleteInProgress,
                _ => null,
            };
            result = parsed.GetValueOrDefault();
            return parsed.HasValue;
        }
    }
}
