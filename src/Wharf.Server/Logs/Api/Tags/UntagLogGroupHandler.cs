using Wharf.Protocol.Generated.CloudWatchLogs;
using Wharf.Server.Api;
using Wharf.Server.Logs.Common;

namespace Wharf.Server.Logs.Api.Tags;

/// <summary>UntagLogGroup (deprecated by AWS in favour of UntagResource).</summary>
internal sealed class UntagLogGroupHandler(GroupTagger tagger) : IOperationHandler<UntagLogGroupRequest, NoOutput>
{
    public async ValueTask<NoOutput> HandleAsync(UntagLogGroupRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        await tagger.UpdateAsync(input.LogGroupName!, null, input.Tags, cancellationToken);
        return NoOutput.Instance;
    }
}
