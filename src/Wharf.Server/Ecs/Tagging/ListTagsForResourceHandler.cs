using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.Api;
using Wharf.Server.Ecs.Common;

namespace Wharf.Server.Ecs.Tagging;

/// <summary>ListTagsForResource: the resource's tags, in the order they were added (empty when it has none).</summary>
internal sealed class ListTagsForResourceHandler(TaggableResources resources, ResourceTags tags)
    : IOperationHandler<ListTagsForResourceRequest, ListTagsForResourceResponse>
{
    public async ValueTask<ListTagsForResourceResponse> HandleAsync(
        ListTagsForResourceRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        var arn = await resources.FindAsync(input.ResourceArn, cancellationToken)
            ?? throw EcsErrors.InvalidParameter("The specified resource could not be found.");
        return new ListTagsForResourceResponse { Tags = await tags.ListAsync(arn, cancellationToken) };
    }
}
