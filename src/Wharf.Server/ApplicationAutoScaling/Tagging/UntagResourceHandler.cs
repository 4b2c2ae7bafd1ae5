using Wharf.Protocol.Generated.ApplicationAutoScaling;
using Wharf.Server.Api;

namespace Wharf.Server.ApplicationAutoScaling.Tagging;

/// <summary>UntagResource: removes tags of a scalable target (keys it does not have are ignored).</summary>
internal sealed class UntagResourceHandler(TaggedTargets targets) : IOperationHandler<UntagResourceRequest, UntagResourceResponse>
{
    public async ValueTask<UntagResourceResponse> HandleAsync(UntagResourceRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        var removed = (input.TagKeys ?? []).ToHashSet(StringComparer.Ordinal);
        await targets.UpdateAsync(
            input.ResourceARN,
            tags => tags.Where(t => !removed.Contains(t.Key)).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal),
            cancellationToken);
        return new UntagResourceResponse();
    }
}
