using Wharf.Core.Model;
using Wharf.Server.State;

namespace Wharf.Server.CloudMap.Common;

/// <summary>
/// Records asynchronous operations. Wharf applies a change in the same transaction that records its
/// operation, so every operation is SUCCESS by the time its id is returned.
/// </summary>
internal sealed class CloudMapOperations(TimeProvider time)
{
    public const string Namespace = "NAMESPACE";
    public const string Service = "SERVICE";
    public const string Instance = "INSTANCE";

    /// <summary>Adds a SUCCESS operation to <paramref name="write"/> and returns its id.</summary>
    public string Record(StateWrite write, string type, IReadOnlyDictionary<string, string> targets)
    {
        var now = time.GetUtcNow();
        var operation = new DiscoveryOperationRecord
        {
            Id = CloudMapNames.NewOperationId(),
            Type = type,
            Status = "SUCCESS",
            CreatedAt = now,
            UpdatedAt = now,
            Targets = targets,
        };
        write.Put(DiscoveryKinds.Operation, operation.Id, "", operation, 0);
        return operation.Id;
    }
}
