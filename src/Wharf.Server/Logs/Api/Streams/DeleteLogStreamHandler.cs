using Wharf.Protocol.Generated.CloudWatchLogs;
using Wharf.Server.Api;
using Wharf.Server.Logs.Common;
using Wharf.Server.Logs.Storage;

namespace Wharf.Server.Logs.Api.Streams;

/// <summary>DeleteLogStream: the stream and its events.</summary>
internal sealed class DeleteLogStreamHandler(LogStore store, LogGroupResolver groups) : IOperationHandler<DeleteLogStreamRequest, NoOutput>
{
    public async ValueTask<NoOutput> HandleAsync(DeleteLogStreamRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        var group = await groups.GroupAsync(input.LogGroupName!, cancellationToken);
        return await store.DeleteStreamAsync(group.Id, input.LogStreamName!, cancellationToken)
            ? NoOutput.Instance
            : throw LogsErrors.StreamNotFound();
    }
}
