using Wharf.Core.Model;
using Wharf.Protocol.Generated.ServiceDiscovery;
using Wharf.Server.Api;
using Wharf.Server.State;

namespace Wharf.Server.CloudMap.Tagging;

/// <summary>UntagResource: removes the named keys; unknown keys are ignored.</summary>
internal sealed class UntagResourceHandler(StateRepository state, TaggedResources resources) : IOperationHandler<UntagResourceRequest, UntagResourceResponse>
{
    public async ValueTask<UntagResourceResponse> HandleAsync(UntagResourceRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        await state.RetryAsync(async ct =>
        {
            var arn = await resources.ResolveAsync(input.ResourceARN, ct);
            if (await state.GetAsync<TagSet>(StateKinds.Tags, arn, ct) is { } existing)
            {
                var keys = input.TagKeys ?? [];
                var write = state.Begin();
                write.Put(StateKinds.Tags, arn, "", existing.Value with { Tags = existing.Value.Tags.Where(t => !keys.Contains(t.Key)).ToList() }, existing.Version);
                await write.CommitAsync(ct);
            }

            return true;
        }, cancellationToken);
        return new UntagResourceResponse();
    }
}
