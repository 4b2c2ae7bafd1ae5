using Wharf.Core.Model;
using Wharf.Protocol.Generated.ElasticLoadBalancingV2;
using Wharf.Server.Api;
using Wharf.Server.ElasticLoadBalancing.Common;

namespace Wharf.Server.ElasticLoadBalancing.Tagging;

/// <summary>RemoveTags: removes the named keys (absent keys are ignored) from every named resource.</summary>
internal sealed class RemoveTagsHandler(ElbState elb, TaggableElbResources resources) : IOperationHandler<RemoveTagsInput, RemoveTagsOutput>
{
    public async ValueTask<RemoveTagsOutput> HandleAsync(RemoveTagsInput input, OperationContext context, CancellationToken cancellationToken)
    {
        foreach (var key in input.TagKeys ?? [])
        {
            ElbTags.ValidateKey(key);
        }

        await elb.Repository.RetryAsync(async ct =>
        {
            var write = elb.Repository.Begin();
            foreach (var arn in (input.ResourceArns ?? []).Distinct(StringComparer.Ordinal))
            {
                await resources.CheckExistsAsync(arn, ct);
                var existing = await elb.Repository.GetAsync<TagSet>(StateKinds.Tags, arn, ct);
                if (existing is null)
                {
                    continue;
                }

                var keys = input.TagKeys ?? [];
                var tags = existing.Value.Tags.Where(t => !keys.Contains(t.Key)).ToList();
                write.Put(StateKinds.Tags, arn, "", existing.Value with { Tags = tags }, existing.Version);
            }

            if (!write.IsEmpty)
            {
                await write.CommitAsync(ct);
            }

            return 0;
        }, cancellationToken);
        return new RemoveTagsOutput();
    }
}
