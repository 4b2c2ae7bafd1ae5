using Wharf.Protocol.Generated.CloudWatchLogs;
using Wharf.Server.Api;

namespace Wharf.Server.Logs.Api.Tags;

/// <summary>ListTagsForResource (log group ARNs).</summary>
internal sealed class ListTagsForResourceHandler(GroupTagger tagger) : IOperationHandler<ListTagsForResourceRequest, ListTagsForResourceResponse>
{
    public async ValueTask<ListTagsForResourceResponse> HandleAsync(ListTagsForResourceRequest input, OperationContext context, CancellationToken cancellationToken) =>
        new() { Tags = await tagger.ListAsync(tagger.GroupOfArn(input.ResourceArn!), cancellationToken) };
}
