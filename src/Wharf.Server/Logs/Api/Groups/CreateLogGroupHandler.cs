using Wharf.Protocol.Generated.CloudWatchLogs;
using Wharf.Server.Api;
using Wharf.Server.Logs.Common;
using Wharf.Server.Logs.Storage;

namespace Wharf.Server.Logs.Api.Groups;

/// <summary>CreateLogGroup.</summary>
internal sealed class CreateLogGroupHandler(LogStore store, TimeProvider time) : IOperationHandler<CreateLogGroupRequest, NoOutput>
{
    public async ValueTask<NoOutput> HandleAsync(CreateLogGroupRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        var tags = input.Tags ?? [];
        if (tags.Count > LogsTags.MaxTags)
        {
            throw LogsErrors.TooManyTags(LogsTags.MaxTags);
        }

        var created = await store.CreateGroupAsync(
            input.LogGroupName!, time.GetUtcNow().ToUnixTimeMilliseconds(), input.KmsKeyId,
            input.LogGroupClass ?? "STANDARD", input.DeletionProtectionEnabled ?? false, tags, cancellationToken);
        return created ? NoOutput.Instance : throw LogsErrors.GroupExists();
    }
}
