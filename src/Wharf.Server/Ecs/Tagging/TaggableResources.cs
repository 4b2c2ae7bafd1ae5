using System.Text.Json.Nodes;
using Wharf.Core.Arns;
using Wharf.Core.Model;
using Wharf.Server.Ecs.Common;
using Wharf.Server.State;

namespace Wharf.Server.Ecs.Tagging;

/// <summary>
/// Resolves the <c>resourceArn</c> of the tagging APIs to the ARN tags are stored under, checking
/// that the resource exists: clusters, task definitions, tasks, container instances and services.
/// A malformed ARN or one of another region or account is an InvalidParameterException; a missing
/// cluster (of the resource itself or of the resource it lives in) a ClusterNotFoundException.
/// </summary>
internal sealed class TaggableResources(StateRepository state, ArnParser arns, State.ResourceNames names)
{
    /// <summary>The canonical ARN of an existing resource, or null when there is no such resource.</summary>
    public async ValueTask<string?> FindAsync(string? resourceArn, CancellationToken cancellationToken)
    {
        if (!arns.TryParseResourceArn(resourceArn, out var resource, out var error))
        {
            throw EcsErrors.InvalidParameter(error);
        }

        switch (resource.Type)
        {
            case EcsResourceType.Cluster:
            {
                _ = await state.GetAsync<ClusterRecord>(StateKinds.Cluster, resource.Name, cancellationToken)
                    ?? throw EcsErrors.ClusterNotFound();
                return names.Cluster(resource.Name);
            }

            case EcsResourceType.TaskDefinition:
            {
                var reference = TaskDefinitionReference.TryParse(resource.Name, out var parsed, out _) ? parsed : null;
                var key = TaskDefinitionRecord.KeyFor(reference!.Family, reference.Revision!.Value);
                var found = await state.GetAsync<TaskDefinitionRecord>(StateKinds.TaskDefinition, key, cancellationToken);
                return found?.Value.Arn;
            }

            case EcsResourceType.Task or EcsResourceType.ContainerInstance or EcsResourceType.Service:
                return await FindInClusterAsync(resource, cancellationToken);

            default:
                return null;
        }
    }

    private async ValueTask<string?> FindInClusterAsync(EcsResourceArn resource, CancellationToken cancellationToken)
    {
        if (resource.ClusterName is null)
        {
            throw EcsErrors.InvalidParameter(
                $"'{resource.Arn}' is in the short ARN format; tag it by its long ARN ({resource.Type.ToArnSegment()}/cluster/id).");
        }

        var cluster = await state.GetAsync<ClusterRecord>(StateKinds.Cluster, resource.ClusterName, cancellationToken)
            ?? throw EcsErrors.ClusterNotFound();
        var (kind, arn) = resource.Type switch
        {
            EcsResourceType.Task => (StateKinds.Task, names.Task(cluster.Value.Name, resource.Name)),
            EcsResourceType.ContainerInstance => (StateKinds.ContainerInstance, names.ContainerInstance(cluster.Value.Name, resource.Name)),
            _ => (StateKinds.Service, names.Service(cluster.Value.Name, resource.Name)),
        };

        // Only existence matters here; services are read as plain JSON (their record belongs to the service scheduler).
        var document = await state.GetAsync<JsonObject>(kind, arn, cancellationToken);
        return document is null ? null : arn;
    }
}
