namespace Wharf.Core.Arns;

/// <summary>
/// An ECS ARN of this endpoint's region and account, resolved to the resource it names. Used where
/// any resource type may come (TagResource, ListTagsForResource).
/// </summary>
/// <param name="Type">What it names.</param>
/// <param name="ClusterName">
/// The cluster for tasks, container instances, services, containers and task sets; null for
/// clusters, task definitions, capacity providers and the old short ARN formats.
/// </param>
/// <param name="Name">
/// The cluster, service or capacity provider name; the task, container instance, container or task
/// set id; or <c>family:revision</c> for a task definition.
/// </param>
/// <param name="Arn">The ARN as given.</param>
public sealed record EcsResourceArn(EcsResourceType Type, string? ClusterName, string Name, string Arn)
{
    /// <summary>The service of a task set; null for every other type.</summary>
    public string? ServiceName { get; init; }
}
