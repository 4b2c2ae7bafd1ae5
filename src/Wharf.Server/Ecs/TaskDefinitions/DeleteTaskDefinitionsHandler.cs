using Wharf.Core.Model;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.Api;
using Wharf.Server.Ecs.Common;
using Wharf.Server.State;

namespace Wharf.Server.Ecs.TaskDefinitions;

/// <summary>
/// DeleteTaskDefinitions: up to 10 revisions; each INACTIVE one moves to DELETE_IN_PROGRESS (it stays
/// describable while tasks use it), every other is a failure. The deletions commit together.
/// </summary>
internal sealed class DeleteTaskDefinitionsHandler(StateRepository state, TaskDefinitionResolver definitions, TimeProvider time)
    : IOperationHandler<DeleteTaskDefinitionsRequest, DeleteTaskDefinitionsResponse>
{
    public const int MaxTaskDefinitions = 10;

    public async ValueTask<DeleteTaskDefinitionsResponse> HandleAsync(
        DeleteTaskDefinitionsRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        var references = input.TaskDefinitions ?? [];
        if (references.Count is 0 or > MaxTaskDefinitions)
        {
            throw EcsErrors.InvalidParameter($"Give between 1 and {MaxTaskDefinitions} task definitions to delete; {references.Count} were given.");
        }

        var parsed = references.Distinct(StringComparer.Ordinal).Select(r => (Text: r, Reference: definitions.Parse(r))).ToList();
        return await state.RetryAsync(async ct =>
        {
            var response = new DeleteTaskDefinitionsResponse { TaskDefinitions = [], Failures = [] };
            var write = state.Begin();
            var now = time.GetUtcNow();
            var done = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (text, reference) in parsed)
            {
                if (reference.Revision is null)
                {
                    response.Failures.Add(new Failure { Arn = text, Reason = "Revision is missing." });
                    continue;
                }

                var found = await definitions.FindAsync(reference, ct);
                if (found is null)
                {
                    response.Failures.Add(new Failure { Arn = text, Reason = "The specified task definition does not exist." });
                    continue;
                }

                if (found.Value.Status == EcsStatus.Active)
                {
                    response.Failures.Add(new Failure
                    {
                        Arn = found.Value.Arn,
                        Reason = "The specified task definition is still in ACTIVE status. Please deregister the target and try again.",
                    });
                    continue;
                }

                if (!done.Add(found.Key))
                {
                    // The same revision named twice (by name and by ARN): deleted once, reported once.
                    continue;
                }

                var updated = found.Value.Status == EcsStatus.Inactive
                    ? TaskDefinitionStatusChange.Apply(found.Value, EcsStatus.DeleteInProgress, now)
                    : found.Value;
                if (!ReferenceEquals(updated, found.Value))
                {
                    write.Put(StateKinds.TaskDefinition, found.Key, found.Value.Family, updated, found.Version);
                }

                response.TaskDefinitions.Add(TaskDefinitionResolver.ToWire(updated));
            }

            await write.CommitAsync(ct);
            return response;
        }, cancellationToken);
    }
}
