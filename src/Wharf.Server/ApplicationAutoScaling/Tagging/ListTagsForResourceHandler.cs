using Wharf.Protocol.Generated.ApplicationAutoScaling;
using Wharf.Server.Api;

namespace Wharf.Server.ApplicationAutoScaling.Tagging;

/// <summary>ListTagsForResource: a scalable target's tags.</summary>
internal sealed class ListTagsForResourceHandler(TaggedTargets targets) : IOperationHandler<ListTagsForResourceRequest, ListTagsForResourceResponse>
{
    public async ValueTask<ListTagsForResourceResponse> HandleAsync(
        ListTagsForResourceRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        var target = await targets.ResolveAsync(input.ResourceARN, cancellationToken);
        return new ListTagsForResourceResponse { Tags = target.Value.Tags.ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal) };
    }
}
