using Wharf.Protocol.Generated.CloudWatchLogs;
using Wharf.Server.Api;
using Wharf.Server.Logs.Common;
using Wharf.Server.Logs.Storage;

namespace Wharf.Server.Logs.Api.Streams;

/// <summary>CreateLogStream.</summary>
internal sealed class CreateLogStreamHandler(LogStore store, LogGroupResolver groups, TimeProvider time) : IOperationHandler<CreateLogStreamRequest, NoOutput>
{
    public async ValueTask<NoOutput> HandleAsync(CreateLogStreamRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        var group = await groups.GroupAsync(input.LogGroupName!, cancellationToken);
        var created = await store.CreateStreamAsync(group.Id, input.LogStreamName!, time.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken);
        return created ? NoOutput.Instance : throw LogsErrors.StreamExists();
    }
}
