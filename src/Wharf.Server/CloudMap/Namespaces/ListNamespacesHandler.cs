using Wharf.Core.Model;
using Wharf.Protocol.Generated.ServiceDiscovery;
using Wharf.Server.Api;
using Wharf.Server.CloudMap.Common;

namespace Wharf.Server.CloudMap.Namespaces;

/// <summary>ListNamespaces with the TYPE (EQ, IN), NAME and HTTP_NAME (EQ, BEGINS_WITH) filters.</summary>
internal sealed class ListNamespacesHandler(CloudMapState state, CloudMapNames names) : IOperationHandler<ListNamespacesRequest, ListNamespacesResponse>
{
    public async ValueTask<ListNamespacesResponse> HandleAsync(ListNamespacesRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        var all = await state.NamespacesAsync(cancellationToken);
        var matching = all.Where(n => (input.Filters ?? []).All(f => Matches(n.Value, f))).ToList();
        var (items, next) = CloudMapPage.Slice(matching, n => n.Key, "ListNamespaces", input.NextToken, input.MaxResults);
        var summaries = new List<NamespaceSummary>(items.Count);
        foreach (var ns in items)
        {
            var services = await state.ServicesAsync(ns.Value.Id, cancellationToken);
            summaries.Add(CloudMapMapper.Summary(ns.Value, services.Count, names.AccountId));
        }

        return new ListNamespacesResponse { Namespaces = summaries, NextToken = next };
    }

    private static bool Matches(DiscoveryNamespaceRecord ns, NamespaceFilter filter)
    {
        var values = filter.Values ?? [];
        var condition = filter.Condition ?? "EQ";
        var actual = filter.Name switch
        {
            "TYPE" => ns.Type,
            "NAME" => ns.Name,
            "HTTP_NAME" => ns.HttpName,
            _ => throw CloudMapErrors.InvalidInput($"Unknown namespace filter '{filter.Name}'."),
        };
        return condition switch
        {
            "EQ" when values.Count == 1 => string.Equals(actual, values[0], StringComparison.OrdinalIgnoreCase),
            "IN" when filter.Name == "TYPE" => values.Contains(actual, StringComparer.Ordinal),
            "BEGINS_WITH" when filter.Name != "TYPE" && values.Count == 1 => actual.StartsWith(values[0], StringComparison.OrdinalIgnoreCase),
            _ => throw CloudMapErrors.InvalidInput($"The {filter.Name} filter does not support {condition} with {values.Count} values."),
        };
    }
}
