using System.Text;
using Wharf.Core.Arns;
using Wharf.Core.Model;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.Api;
using Wharf.Server.Ecs.Common;
using Wharf.Server.State;

namespace Wharf.Server.Ecs.TaskDefinitions;

/// <summary>
/// RegisterTaskDefinition: validates every ECS rule, then stores the next revision of the family
/// (revisions are never reused) with the complete wire definition DescribeTaskDefinition returns,
/// and the tags, in one commit.
/// </summary>
internal sealed class RegisterTaskDefinitionHandler(StateRepository state, State.ResourceNames names, TimeProvider time)
    : IOperationHandler<RegisterTaskDefinitionRequest, RegisterTaskDefinitionResponse>
{
    /// <summary>ECS's limit on the size of a task definition.</summary>
    public const int MaxDefinitionBytes = 64 * 1024;

    public async ValueTask<RegisterTaskDefinitionResponse> HandleAsync(
        RegisterTaskDefinitionRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        var (cpu, memory) = TaskDefinitionValidator.Validate(input);
        var size = Encoding.UTF8.GetByteCount(WireJson.Serialize(input));
        if (size > MaxDefinitionBytes)
        {
            throw EcsErrors.Client($"The task definition is {size} bytes; the maximum size is {MaxDefinitionBytes} bytes.");
        }

        var family = input.Family!;
        var registeredBy = $"arn:{AccountContext.PartitionOf(names.Region)}:iam::{names.AccountId}:root";
        var definition = await state.RetryAsync(async ct =>
        {
            var counter = await state.GetAsync<TaskDefinitionFamilyRecord>(StateKinds.TaskDefinitionFamily, family, ct);
            var revision = (counter?.Value.LastRevision ?? 0) + 1;
            var arn = names.TaskDefinition(family, revision);
            var now = time.GetUtcNow();
            var built = TaskDefinitionBuilder.Build(input, arn, revision, cpu, memory, now, registeredBy);

            var write = state.Begin();
            write.Put(
                StateKinds.TaskDefinitionFamily,
                family,
                "",
                new TaskDefinitionFamilyRecord { Family = family, LastRevision = revision },
                counter?.Version ?? 0);
            write.Put(
                StateKinds.TaskDefinition,
                TaskDefinitionRecord.KeyFor(family, revision),
                family,
                new TaskDefinitionRecord
                {
                    Family = family,
                    Revision = revision,
                    Arn = arn,
                    Status = EcsStatus.Active,
                    RegisteredAt = now,
                    Definition = WireJson.Serialize(built),
                },
                0);
            var staleTags = await state.GetAsync<TagSet>(StateKinds.Tags, arn, ct);
            ResourceTags.Replace(write, arn, staleTags, input.Tags);
            await write.CommitAsync(ct);
            return built;
        }, cancellationToken);

        return new RegisterTaskDefinitionResponse { TaskDefinition = definition, Tags = input.Tags ?? [] };
    }
}
