using System.Globalization;
using Wharf.Core.Model;
using Wharf.Protocol.Generated.ServiceDiscovery;
using Wharf.Server.Api;
using Wharf.Server.CloudMap.Common;
using Wharf.Server.State;

namespace Wharf.Server.CloudMap.Operations;

/// <summary>ListOperations with the NAMESPACE_ID, SERVICE_ID, STATUS, TYPE (EQ, IN) and UPDATE_DATE (BETWEEN) filters.</summary>
internal sealed class ListOperationsHandler(StateRepository state) : IOperationHandler<ListOperationsRequest, ListOperationsResponse>
{
    public async ValueTask<ListOperationsResponse> HandleAsync(ListOperationsRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        var all = await state.ListAsync<DiscoveryOperationRecord>(DiscoveryKinds.Operation, "", cancellationToken);
        var matching = all.Where(o => (input.Filters ?? []).All(f => Matches(o.Value, f))).ToList();
        var (items, next) = CloudMapPage.Slice(matching, o => o.Key, "ListOperations", input.NextToken, input.MaxResults);
        return new ListOperationsResponse
        {
            Operations = items.Select(o => new OperationSummary { Id = o.Value.Id, Status = o.Value.Status }).ToList(),
            NextToken = next,
        };
    }

    private static bool Matches(DiscoveryOperationRecord operation, OperationFilter filter)
    {
        var values = filter.Values ?? [];
        if (filter.Name == "UPDATE_DATE")
        {
            if (filter.Condition != "BETWEEN" || values.Count != 2
                || !double.TryParse(values[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var from)
                || !double.TryParse(values[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var to))
            {
                throw CloudMapErrors.InvalidInput("The UPDATE_DATE filter takes BETWEEN with two epoch-second values.");
            }

            var at = operation.UpdatedAt.ToUnixTimeMilliseconds() / 1000.0;
            return at >= from && at <= to;
        }

        var actual = filter.Name switch
        {
            "NAMESPACE_ID" => operation.Targets.GetValueOrDefault(CloudMapOperations.Namespace),
            "SERVICE_ID" => operation.Targets.GetValueOrDefault(CloudMapOperations.Service),
            "STATUS" => operation.Status,
            "TYPE" => operation.Type,
            _ => throw CloudMapErrors.InvalidInput($"Unknown operation filter '{filter.Name}'."),
        };
        return (filter.Condition ?? "EQ") switch
        {
            "EQ" when values.Count == 1 => actual == values[0],
            "IN" when filter.Name is "STATUS" or "TYPE" => actual is not null && values.Contains(actual),
            var c => throw CloudMapErrors.InvalidInput($"The {filter.Name} filter does not support {c} with {values.Count} values."),
        };
    }
}
