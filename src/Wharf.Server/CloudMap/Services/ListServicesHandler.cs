using Wharf.Core.Model;
using Wharf.Protocol.Generated.ServiceDiscovery;
using Wharf.Server.Api;
using Wharf.Server.CloudMap.Common;

namespace Wharf.Server.CloudMap.Services;

/// <summary>ListServices with the NAMESPACE_ID (EQ, IN) and RESOURCE_OWNER filters.</summary>
internal sealed class ListServicesHandler(CloudMapState state, CloudMapNames names) : IOperationHandler<ListServicesRequest, ListServicesResponse>
{
    public async ValueTask<ListServicesResponse> HandleAsync(ListServicesRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        var all = await state.ServicesAsync(null, cancellationToken);
        var matching = all.Where(s => (input.Filters ?? []).All(f => Matches(s.Value, f, names.AccountId))).ToList();
        var (items, next) = CloudMapPage.Slice(matching, s => s.Key, "ListServices", input.NextToken, input.MaxResults);
        var summaries = new List<ServiceSummary>(items.Count);
        foreach (var service in items)
        {
            var instances = await state.InstancesAsync(service.Value.Id, cancellationToken);
            summaries.Add(CloudMapMapper.Summary(service.Value, instances.Count, names.AccountId));
        }

        return new ListServicesResponse { Services = summaries, NextToken = next };
    }

    private static bool Matches(DiscoveryServiceRecord service, ServiceFilter filter, string account)
    {
        var values = filter.Values ?? [];
        var actual = filter.Name switch
        {
            "NAMESPACE_ID" => service.NamespaceId,
            "RESOURCE_OWNER" => values.Contains("SELF") ? "SELF" : account,
            _ => throw CloudMapErrors.InvalidInput($"Unknown service filter '{filter.Name}'."),
        };
        return (filter.Condition ?? "EQ") switch
        {
            "EQ" when values.Count == 1 => actual == values[0] || (filter.Name == "RESOURCE_OWNER" && values[0] == "ANY"),
            "IN" => values.Contains(actual, StringComparer.Ordinal),
            var c => throw CloudMapErrors.InvalidInput($"The {filter.Name} filter does not support {c} with {values.Count} values."),
        };
    }
}
