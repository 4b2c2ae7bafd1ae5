using Wharf.Core.Model;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.Api;
using Wharf.Server.Ecs.Common;
using Wharf.Server.State;

namespace Wharf.Server.Ecs.TaskDefinitions;

/// <summary>
/// DeregisterTaskDefinition: an ACTIVE revision becomes INACTIVE with <c>deregisteredAt</c>; tasks
/// and services already using it are not touched. A revision is required. Deregistering a revision
/// that is no longer ACTIVE returns it as it is.
/// </summary>
internal sealed class DeregisterTaskDefinitionHandler(StateRepository state, TaskDefinitionResolver definitions, TimeProvider time)
    : IOperationHandler<DeregisterTaskDefinitionRequest, DeregisterTaskDefinitionResponse>
{
    public async ValueTask<DeregisterTaskDefinitionResponse> HandleAsync(
        DeregisterTaskDefinitionRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        var reference = definitions.Parse(input.TaskDefinition);
        if (reference.Revision is null)
        {
            throw EcsErrors.Client("Revision is missing.");
        }

        var record = await state.RetryAsync(async ct =>
        {
            var found = await definitions.FindAsync(reference, ct) ?? throw EcsErrors.TaskDefinitionDoesNotExist();
            if (found.Value.Status != EcsStatus.Active)
            {
                return found.Value;
            }

            var updated = TaskDefinitionStatusChange.Apply(found.Value, EcsStatus.Inactive, time.GetUtcNow());
            var write = state.Begin();
            write.Put(StateKinds.TaskDefinition, found.Key, found.Value.Family, updated, found.Version);
            await write.CommitAsync(ct);
            return updated;
        }, cancellationToken);

        return new DeregisterTaskDefinitionResponse { TaskDefinition = TaskDefinitionResolver.ToWire(record) };
    }
}
