using Wharf.Protocol.Generated.CloudWatchLogs;
using Wharf.Server.Api;
using Wharf.Server.Logs.Common;

namespace Wharf.Server.Logs.Api.Tags;

/// <summary>UntagResource (log group ARNs).</summary>
internal sealed class UntagResourceHandler(GroupTagger tagger) : IOperationHandler<UntagResourceRequest, NoOutput>
{
    public async ValueTask<NoOutput> HandleAsync(UntagResourceRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        await tagger.UpdateAsync(tagger.GroupOfArn(input.ResourceArn!), null, input.TagKeys, cancellationToken);
        return NoOutput.Instance;
    }
}
