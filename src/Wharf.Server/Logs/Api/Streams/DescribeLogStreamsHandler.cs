using Wharf.Protocol.Generated.CloudWatchLogs;
using Wharf.Server.Api;
using Wharf.Server.Logs.Common;
using Wharf.Server.Logs.Storage;

namespace Wharf.Server.Logs.Api.Streams;

/// <summary>DescribeLogStreams: by name prefix or ordered by last event time; up to 50 a page.</summary>
internal sealed class DescribeLogStreamsHandler(LogStore store, LogGroupResolver groups, LogsNames names)
    : IOperationHandler<DescribeLogStreamsRequest, DescribeLogStreamsResponse>
{
    private const int MaxLimit = 50;

    public async ValueTask<DescribeLogStreamsResponse> HandleAsync(DescribeLogStreamsRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        var order = input.OrderBy == "LastEventTime" ? StreamListOrder.LastEventTime : StreamListOrder.LogStreamName;
        if (order == StreamListOrder.LastEventTime && input.LogStreamNamePrefix is not null)
        {
            throw LogsErrors.InvalidParameter("Cannot order by LastEventTime with a logStreamNamePrefix.");
        }

        var group = await groups.GroupAsync(input.LogGroupName, input.LogGroupIdentifier, cancellationToken);
        var limit = input.Limit ?? MaxLimit;
        var offset = PageToken.Decode(input.NextToken);
        var page = await store.ListStreamsAsync(
            group.Id, input.LogStreamNamePrefix, order, input.Descending ?? false, offset, limit + 1, cancellationToken);
        return new DescribeLogStreamsResponse
        {
            LogStreams = [.. page.Take(limit).Select(s => LogsMapper.Stream(group, s, names))],
            NextToken = page.Count > limit ? PageToken.Encode(offset + limit) : null,
        };
    }
}
