using System.Globalization;
using Wharf.Protocol.Generated.CloudWatch;
using Wharf.Server.Api;
using Wharf.Server.CloudWatch.Common;
using Wharf.Server.CloudWatch.Metrics;

namespace Wharf.Server.CloudWatch.MetricOperations;

/// <summary>
/// ListMetrics: metrics with data in the last two weeks (three hours with <c>RecentlyActive=PT3H</c>),
/// filtered by namespace, name and dimensions (a filter without a value matches any value), 500 a page.
/// </summary>
internal sealed class ListMetricsHandler(MetricStore store, TimeProvider time) : IOperationHandler<ListMetricsInput, ListMetricsOutput>
{
    private const int PageSize = 500;

    public async ValueTask<ListMetricsOutput> HandleAsync(ListMetricsInput input, OperationContext context, CancellationToken cancellationToken)
    {
        var after = 0L;
        if (input.NextToken is { } token && !long.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out after))
        {
            throw CloudWatchErrors.InvalidParameterValue("The value for parameter NextToken is invalid.");
        }

        var filters = input.Dimensions ?? [];
        if (filters.Any(f => string.IsNullOrEmpty(f.Name)))
        {
            throw CloudWatchErrors.MissingParameter("The parameter Dimensions.member.N.Name is required.");
        }

        var since = time.GetUtcNow() - (input.RecentlyActive == "PT3H" ? TimeSpan.FromHours(3) : TimeSpan.FromDays(14));
        var matches = (await store.ListAsync(input.Namespace, input.MetricName, since, after, cancellationToken))
            .Where(m => filters.All(f => m.Key.Dimensions.Any(d => d.Key == f.Name && (f.Value is null || d.Value == f.Value))))
            .Take(PageSize + 1)
            .ToList();
        var page = matches.Take(PageSize).ToList();
        return new ListMetricsOutput
        {
            Metrics = [.. page.Select(m => new Metric
            {
                Namespace = m.Key.Namespace,
                MetricName = m.Key.MetricName,
                Dimensions = [.. m.Key.Dimensions.Select(d => new Dimension { Name = d.Key, Value = d.Value })],
            })],
            NextToken = matches.Count > PageSize ? page[^1].Id.ToString(CultureInfo.InvariantCulture) : null,
        };
    }
}
