using Wharf.Protocol.Generated.CloudWatchLogs;
using Wharf.Server.Api;
using Wharf.Server.Logs.Common;
using Wharf.Server.Logs.Storage;

namespace Wharf.Server.Logs.Api.Groups;

/// <summary>DescribeLogGroups: by name prefix, name pattern (case-insensitive substring) or identifiers; up to 50 a page.</summary>
internal sealed class DescribeLogGroupsHandler(LogStore store, LogsNames names) : IOperationHandler<DescribeLogGroupsRequest, DescribeLogGroupsResponse>
{
    private const int MaxLimit = 50;

    public async ValueTask<DescribeLogGroupsResponse> HandleAsync(DescribeLogGroupsRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        if (input.LogGroupNamePrefix is not null && input.LogGroupNamePattern is not null)
        {
            throw LogsErrors.InvalidParameter("LogGroupNamePrefix and LogGroupNamePattern are mutually exclusive parameters.");
        }

        var identified = input.LogGroupIdentifiers?.Select(names.GroupFromIdentifier).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var prefix = input.LogGroupNamePrefix;
        var pattern = input.LogGroupNamePattern;
        var logGroupClass = input.LogGroupClass;
        bool Matches(LogGroupRow g) =>
            (prefix is null || g.Name.StartsWith(prefix, StringComparison.Ordinal))
            && (pattern is null || g.Name.Contains(pattern, StringComparison.OrdinalIgnoreCase))
            && (identified is null || identified.Contains(g.Name))
            && (logGroupClass is null || g.LogGroupClass == logGroupClass);

        var limit = input.Limit ?? MaxLimit;
        var offset = PageToken.Decode(input.NextToken);
        var page = await store.ListGroupsAsync(Matches, offset, limit + 1, cancellationToken);
        return new DescribeLogGroupsResponse
        {
            LogGroups = [.. page.Take(limit).Select(g => LogsMapper.Group(g, names))],
            NextToken = page.Count > limit ? PageToken.Encode(offset + limit) : null,
        };
    }
}
