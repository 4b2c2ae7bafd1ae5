using Wharf.Core.Model;
using Wharf.Protocol.Generated.ServiceDiscovery;
using Wharf.Server.CloudMap.Common;
using Wharf.Server.State;

namespace Wharf.Server.CloudMap.Namespaces;

/// <summary>
/// Creates a namespace of any type with its CREATE_NAMESPACE operation in one commit. A name already
/// used by a namespace is <c>NamespaceAlreadyExists</c>, unless the call repeats the same
/// <c>CreatorRequestId</c>, which answers the original operation again (Cloud Map's idempotency).
/// </summary>
internal sealed class NamespaceCreator(StateRepository state, CloudMapNames names, CloudMapOperations operations, TimeProvider time)
{
    public const long DefaultSoaTtl = 15;

    public ValueTask<string> CreateAsync(
        string type, string? name, string? creatorRequestId, string? description, string? vpc, long? soaTtl, List<Tag>? tags,
        CancellationToken cancellationToken)
    {
        var normalized = type == "HTTP" ? HttpName(name) : DnsNames.Normalize(name);
        return state.RetryAsync(async ct =>
        {
            var all = await state.ListAsync<DiscoveryNamespaceRecord>(DiscoveryKinds.Namespace, "", ct);
            var same = all.FirstOrDefault(n => string.Equals(n.Value.Name, normalized, StringComparison.OrdinalIgnoreCase));
            if (same is not null)
            {
                if (creatorRequestId is not null && same.Value.CreatorRequestId == creatorRequestId)
                {
                    var ops = await state.ListAsync<DiscoveryOperationRecord>(DiscoveryKinds.Operation, "", ct);
                    var original = ops.FirstOrDefault(o => o.Value.Type == "CREATE_NAMESPACE"
                        && o.Value.Targets.TryGetValue(CloudMapOperations.Namespace, out var target) && target == same.Value.Id);
                    if (original is not null)
                    {
                        return original.Value.Id;
                    }
                }

                throw CloudMapErrors.NamespaceAlreadyExists(normalized, same.Value.Id);
            }

            var id = CloudMapNames.NewNamespaceId();
            var record = new DiscoveryNamespaceRecord
            {
                Id = id,
                Arn = names.NamespaceArn(id),
                Name = normalized,
                Type = type,
                Description = description,
                CreatorRequestId = creatorRequestId,
                CreatedAt = time.GetUtcNow(),
                Vpc = vpc,
                HostedZoneId = type == "HTTP" ? null : CloudMapNames.NewHostedZoneId(),
                SoaTtl = type == "HTTP" ? null : soaTtl ?? DefaultSoaTtl,
                HttpName = normalized,
            };

            var write = state.Begin();
            write.Put(DiscoveryKinds.Namespace, id, "", record, 0);
            CloudMapTags.Put(write, record.Arn, null, tags);
            var operationId = operations.Record(write, "CREATE_NAMESPACE", new Dictionary<string, string> { [CloudMapOperations.Namespace] = id });
            await write.CommitAsync(ct);
            return operationId;
        }, cancellationToken);
    }

    private static string HttpName(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 1024 || name.Any(c => c is < '!' or > '~'))
        {
            throw CloudMapErrors.InvalidInput($"Invalid namespace name '{name}'.");
        }

        return name;
    }
}
