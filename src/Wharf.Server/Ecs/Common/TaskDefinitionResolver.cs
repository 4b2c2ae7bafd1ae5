using Wharf.Core.Arns;
using Wharf.Core.Model;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.State;

namespace Wharf.Server.Ecs.Common;

/// <summary>
/// Finds task definition revisions by what a client wrote: <c>family</c> (the latest ACTIVE
/// revision), <c>family:revision</c> or a task definition ARN (any status). A malformed reference,
/// or an ARN of another region or account, is an <c>InvalidParameterException</c>. Stateless and thread-safe.
/// </summary>
internal sealed class TaskDefinitionResolver(StateRepository state, ArnParser arns)
{
    /// <summary>Parses a reference without looking it up.</summary>
    /// <exception cref="Protocol.Errors.AwsServiceException">InvalidParameterException when malformed.</exception>
    public TaskDefinitionReference Parse(string? reference) =>
        arns.TryParseTaskDefinitionReference(reference, out var parsed, out var error)
            ? parsed
            : throw EcsErrors.InvalidParameter(error);

    /// <summary>The revision a reference names, or null when there is none (or no ACTIVE one for a bare family).</summary>
    public ValueTask<Versioned<TaskDefinitionRecord>?> FindAsync(string? reference, CancellationToken cancellationToken) =>
        FindAsync(Parse(reference), cancellationToken);

    /// <inheritdoc cref="FindAsync(string?, CancellationToken)"/>
    public async ValueTask<Versioned<TaskDefinitionRecord>?> FindAsync(TaskDefinitionReference reference, CancellationToken cancellationToken)
    {
        if (reference.Revision is { } revision)
        {
            return await state.GetAsync<TaskDefinitionRecord>(
                StateKinds.TaskDefinition, TaskDefinitionRecord.KeyFor(reference.Family, revision), cancellationToken);
        }

        var revisions = await ListFamilyAsync(reference.Family, cancellationToken);
        return revisions.LastOrDefault(r => r.Value.Status == EcsStatus.Active);
    }

    /// <summary>The revision a reference names, for running tasks from it (any status: callers decide about INACTIVE).</summary>
    /// <exception cref="Protocol.Errors.AwsServiceException">ClientException "TaskDefinition not found." when there is none.</exception>
    public async ValueTask<Versioned<TaskDefinitionRecord>> ResolveAsync(string? reference, CancellationToken cancellationToken) =>
        await FindAsync(reference, cancellationToken) ?? throw EcsErrors.TaskDefinitionNotFound();

    /// <summary>Every stored revision of a family, oldest first.</summary>
    public ValueTask<IReadOnlyList<Versioned<TaskDefinitionRecord>>> ListFamilyAsync(string family, CancellationToken cancellationToken) =>
        state.ListAsync<TaskDefinitionRecord>(StateKinds.TaskDefinition, family, cancellationToken);

    /// <summary>The wire <c>TaskDefinition</c> of a record, with the record's current status and dates.</summary>
    public static TaskDefinition ToWire(TaskDefinitionRecord record)
    {
        var definition = WireJson.Deserialize<TaskDefinition>(record.Definition);
        definition.Status = record.Status;
        definition.DeregisteredAt = record.DeregisteredAt;
        return definition;
    }
}
