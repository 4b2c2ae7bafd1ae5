using Wharf.Protocol.Generated.CloudWatchLogs;
using Wharf.Server.Api;
using Wharf.Server.Logs.Common;

namespace Wharf.Server.Logs.Api.Tags;

/// <summary>TagLogGroup (deprecated by AWS in favour of TagResource, still called by older clients).</summary>
internal sealed class TagLogGroupHandler(GroupTagger tagger) : IOperationHandler<TagLogGroupRequest, NoOutput>
{
    public async ValueTask<NoOutput> HandleAsync(TagLogGroupRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        await tagger.UpdateAsync(input.LogGroupName!, input.Tags, null, cancellationToken);
        return NoOutput.Instance;
    }
}
