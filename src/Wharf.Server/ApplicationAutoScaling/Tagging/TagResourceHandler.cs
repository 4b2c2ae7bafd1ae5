using Wharf.Protocol.Generated.ApplicationAutoScaling;
using Wharf.Server.Api;
using Wharf.Server.ApplicationAutoScaling.Common;

namespace Wharf.Server.ApplicationAutoScaling.Tagging;

/// <summary>TagResource: adds or overwrites tags of a scalable target.</summary>
internal sealed class TagResourceHandler(TaggedTargets targets) : IOperationHandler<TagResourceRequest, TagResourceResponse>
{
    public async ValueTask<TagResourceResponse> HandleAsync(TagResourceRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        await targets.UpdateAsync(input.ResourceARN, tags => ScalingTags.Merge(tags, input.Tags), cancellationToken);
        return new TagResourceResponse();
    }
}
