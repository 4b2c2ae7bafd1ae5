using Wharf.Protocol.Generated.CloudWatchLogs;
using Wharf.Server.Api;
using Wharf.Server.Logs.Common;

namespace Wharf.Server.Logs.Api.Tags;

/// <summary>TagResource (log group ARNs).</summary>
internal sealed class TagResourceHandler(GroupTagger tagger) : IOperationHandler<TagResourceRequest, NoOutput>
{
    public async ValueTask<NoOutput> HandleAsync(TagResourceRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        await tagger.UpdateAsync(tagger.GroupOfArn(input.ResourceArn!), input.Tags, null, cancellationToken);
        return NoOutput.Instance;
    }
}
