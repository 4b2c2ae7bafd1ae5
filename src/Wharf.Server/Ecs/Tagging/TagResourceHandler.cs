using Wharf.Core.Model;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.Api;
using Wharf.Server.Ecs.Common;
using Wharf.Server.State;

namespace Wharf.Server.Ecs.Tagging;

/// <summary>TagResource: adds tags, replacing the value of keys the resource already has (at most 50 tags in all).</summary>
internal sealed class TagResourceHandler(StateRepository state, TaggableResources resources, ResourceTags tags)
    : IOperationHandler<TagResourceRequest, TagResourceResponse>
{
    public async ValueTask<TagResourceResponse> HandleAsync(TagResourceRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        ResourceTags.Validate(input.Tags);
        var arn = await resources.FindAsync(input.ResourceArn, cancellationToken)
            ?? throw EcsErrors.ResourceNotFound("The specified resource could not be found.");
        await state.RetryAsync(async ct =>
        {
            var write = state.Begin();
            ResourceTags.Put(write, arn, await tags.GetAsync(arn, ct), input.Tags);
            await write.CommitAsync(ct);
            return true;
        }, cancellationToken);
        return new TagResourceResponse();
    }
}
