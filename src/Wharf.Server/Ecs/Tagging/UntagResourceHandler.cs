using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.Api;
using Wharf.Server.Ecs.Common;
using Wharf.Server.State;

namespace Wharf.Server.Ecs.Tagging;

/// <summary>UntagResource: removes the given keys; keys the resource does not have are ignored.</summary>
internal sealed class UntagResourceHandler(StateRepository state, TaggableResources resources, ResourceTags tags)
    : IOperationHandler<UntagResourceRequest, UntagResourceResponse>
{
    public async ValueTask<UntagResourceResponse> HandleAsync(UntagResourceRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        var keys = input.TagKeys ?? [];
        foreach (var key in keys)
        {
            if (string.IsNullOrEmpty(key) || key.Length > 128)
            {
                throw EcsErrors.InvalidParameter($"Invalid tag key '{key}': a key is 1 to 128 characters.");
            }
        }

        var arn = await resources.FindAsync(input.ResourceArn, cancellationToken)
            ?? throw EcsErrors.ResourceNotFound("The specified resource could not be found.");
        await state.RetryAsync(async ct =>
        {
            var write = state.Begin();
            ResourceTags.Remove(write, await tags.GetAsync(arn, ct), keys.ToHashSet(StringComparer.Ordinal));
            await write.CommitAsync(ct);
            return true;
        }, cancellationToken);
        return new UntagResourceResponse();
    }
}
