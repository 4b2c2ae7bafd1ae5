using System.Diagnostics.CodeAnalysis;

namespace Wharf.Core.Arns;

/// <summary>The ARN resource-type segment of each <see cref="EcsResourceType"/>.</summary>
public static class EcsResourceTypeExtensions
{
    extension(EcsResourceType type)
    {
        /// <summary>The segment before the first <c>/</c>, e.g. <c>container-instance</c>.</summary>
        public string ToArnSegment() => type switch
        {
            EcsResourceType.Cluster => "cluster",
            EcsResourceType.Task => "task",
            EcsResourceType.ContainerInstance => "container-instance",
            EcsResourceType.TaskDefinition => "task-definition",
            EcsResourceType.Service => "service",
            EcsResourceType.Container => "container",
            EcsResourceType.TaskSet => "task-set",
            EcsResourceType.CapacityProvider => "capacity-provider",
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
        };

        /// <summary>A short English name for messages, e.g. <c>container instance</c>.</summary>
        public string ToDisplayName() => type switch
        {
            EcsResourceType.ContainerInstance => "container instance",
            EcsResourceType.TaskDefinition => "task definition",
            EcsResourceType.TaskSet => "task set",
            EcsResourceType.CapacityProvider => "capacity provider",
            _ => type.ToArnSegment(),
        };

        /// <summary>Parses an ARN resource-type segment (exact case).</summary>
        public static bool TryFromArnSegment([NotNullWhen(true)] string? segment, out EcsResourceType result)
        {
            EcsResourceType? parsed = segment switch
            {
                "cluster" => EcsResourceType.Cluster,
                "task" => EcsResourceType.Task,
                "container-instance" => EcsResourceType.ContainerInstance,
                "task-definition" => EcsResourceType.TaskDefinition,
                "service" => EcsResourceType.Service,
                "container" => EcsResourceType.Container,
                "task-set" => EcsResourceType.TaskSet,
                "capacity-provider" => EcsResourceType.CapacityProvider,
                _ => null,
            };
            result = parsed.GetValueOrDefault();
            return parsed.HasValue;
        }
    }
}
