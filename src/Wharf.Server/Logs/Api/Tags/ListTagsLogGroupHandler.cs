using Wharf.Protocol.Generated.CloudWatchLogs;
using Wharf.Server.Api;

namespace Wharf.Server.Logs.Api.Tags;

/// <summary>ListTagsLogGroup (deprecated by AWS in favour of ListTagsForResource).</summary>
internal sealed class ListTagsLogGroupHandler(GroupTagger tagger) : IOperationHandler<ListTagsLogGroupRequest, ListTagsLogGroupResponse>
{
    public async ValueTask<ListTagsLogGroupResponse> HandleAsync(ListTagsLogGroupRequest input, OperationContext context, CancellationToken cancellationToken) =>
        new() { Tags = await tagger.ListAsync(input.LogGroupName!, cancellationToken) };
}
