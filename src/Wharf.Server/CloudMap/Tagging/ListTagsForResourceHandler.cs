using Wharf.Core.Model;
using Wharf.Protocol.Generated.ServiceDiscovery;
using Wharf.Server.Api;
using Wharf.Server.CloudMap.Common;
using Wharf.Server.State;

namespace Wharf.Server.CloudMap.Tagging;

/// <summary>ListTagsForResource.</summary>
internal sealed class ListTagsForResourceHandler(StateRepository state, TaggedResources resources)
    : IOperationHandler<ListTagsForResourceRequest, ListTagsForResourceResponse>
{
    public async ValueTask<ListTagsForResourceResponse> HandleAsync(ListTagsForResourceRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        var arn = await resources.ResolveAsync(input.ResourceARN, cancellationToken);
        var tags = await state.GetAsync<TagSet>(StateKinds.Tags, arn, cancellationToken);
        return new ListTagsForResourceResponse { Tags = CloudMapTags.ToWire(tags?.Value) };
    }
}
