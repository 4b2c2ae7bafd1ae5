using Wharf.Core.Model;
using Wharf.Protocol.Generated.ServiceDiscovery;
using Wharf.Server.Api;
using Wharf.Server.CloudMap.Common;
using Wharf.Server.State;

namespace Wharf.Server.CloudMap.Tagging;

/// <summary>TagResource: adds or overwrites tags on a namespace or service.</summary>
internal sealed class TagResourceHandler(StateRepository state, TaggedResources resources) : IOperationHandler<TagResourceRequest, TagResourceResponse>
{
    public async ValueTask<TagResourceResponse> HandleAsync(TagResourceRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        await state.RetryAsync(async ct =>
        {
            var arn = await resources.ResolveAsync(input.ResourceARN, ct);
            var existing = await state.GetAsync<TagSet>(StateKinds.Tags, arn, ct);
            var write = state.Begin();
            CloudMapTags.Put(write, arn, existing, input.Tags);
            await write.CommitAsync(ct);
            return true;
        }, cancellationToken);
        return new TagResourceResponse();
    }
}
