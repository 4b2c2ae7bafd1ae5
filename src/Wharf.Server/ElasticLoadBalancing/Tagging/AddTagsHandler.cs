using Wharf.Core.Model;
using Wharf.Protocol.Generated.ElasticLoadBalancingV2;
using Wharf.Server.Api;
using Wharf.Server.ElasticLoadBalancing.Common;

namespace Wharf.Server.ElasticLoadBalancing.Tagging;

/// <summary>AddTags: adds or overwrites tags on every named resource, all in one transaction.</summary>
internal sealed class AddTagsHandler(ElbState elb, TaggableElbResources resources) : IOperationHandler<AddTagsInput, AddTagsOutput>
{
    public async ValueTask<AddTagsOutput> HandleAsync(AddTagsInput input, OperationContext context, CancellationToken cancellationToken)
    {
        ElbTags.Validate(input.Tags);
        if (input.Tags is not { Count: > 0 })
        {
            throw ElbErrors.Validation("At least one tag must be specified");
        }

        await elb.Repository.RetryAsync(async ct =>
        {
            var write = elb.Repository.Begin();
            foreach (var arn in (input.ResourceArns ?? []).Distinct(StringComparer.Ordinal))
            {
                await resources.CheckExistsAsync(arn, ct);
                var existing = await elb.Repository.GetAsync<TagSet>(StateKinds.Tags, arn, ct);
                var tags = (existing?.Value.Tags ?? []).ToList();
                foreach (var tag in input.Tags)
                {
                    var index = tags.FindIndex(t => t.Key == tag.Key);
                    var record = new TagRecord(tag.Key!, tag.Value ?? "");
                    if (index >= 0)
                    {
                        tags[index] = record;
                    }
                    else
                    {
                        tags.Add(record);
                    }
                }

                if (tags.Count > ElbTags.MaxTags)
                {
                    throw ElbErrors.TooManyTags();
                }

                write.Put(StateKinds.Tags, arn, "", new TagSet { ResourceArn = arn, Tags = tags }, existing?.Version ?? 0);
            }

            await write.CommitAsync(ct);
            return 0;
        }, cancellationToken);
        return new AddTagsOutput();
    }
}
