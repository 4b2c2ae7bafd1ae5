using Wharf.Core.Model;
using Wharf.Protocol.Generated.ElasticLoadBalancingV2;
using Wharf.Server.Api;
using Wharf.Server.ElasticLoadBalancing.Common;

namespace Wharf.Server.ElasticLoadBalancing.Tagging;

/// <summary>DescribeTags of up to 20 resources.</summary>
internal sealed class DescribeTagsHandler(ElbState elb, TaggableElbResources resources) : IOperationHandler<DescribeTagsInput, DescribeTagsOutput>
{
    public async ValueTask<DescribeTagsOutput> HandleAsync(DescribeTagsInput input, OperationContext context, CancellationToken cancellationToken)
    {
        var arns = input.ResourceArns ?? [];
        if (arns.Count > 20)
        {
            throw ElbErrors.Validation("At most 20 resource ARNs can be specified");
        }

        var result = new List<TagDescription>();
        foreach (var arn in arns.Distinct(StringComparer.Ordinal))
        {
            await resources.CheckExistsAsync(arn, cancellationToken);
            var tags = await elb.Repository.GetAsync<TagSet>(StateKinds.Tags, arn, cancellationToken);
            result.Add(new TagDescription
            {
                ResourceArn = arn,
                Tags = (tags?.Value.Tags ?? []).Select(t => new Tag { Key = t.Key, Value = t.Value }).ToList(),
            });
        }

        return new DescribeTagsOutput { TagDescriptions = result };
    }
}
