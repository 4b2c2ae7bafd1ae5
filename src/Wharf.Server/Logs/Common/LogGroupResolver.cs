using Wharf.Server.Logs.Storage;

namespace Wharf.Server.Logs.Common;

/// <summary>Finds the group (and stream) a request names, or throws CloudWatch Logs' not-found error.</summary>
internal sealed class LogGroupResolver(LogStore store, LogsNames names)
{
    /// <summary>The group named by <c>logGroupName</c> or <c>logGroupIdentifier</c> (exactly one of them).</summary>
    public async Task<LogGroupRow> GroupAsync(string? name, string? identifier, CancellationToken cancellationToken)
    {
        if (name is not null && identifier is not null)
        {
            throw LogsErrors.InvalidParameter("LogGroup name and LogGroup ARN are mutually exclusive parameters.");
        }

        var resolved = name ?? (identifier is null ? null : names.GroupFromIdentifier(identifier));
        if (name is null && identifier is null)
        {
            throw LogsErrors.InvalidParameter("Either logGroupName or logGroupIdentifier must be specified.");
        }

        return resolved is null ? throw LogsErrors.GroupNotFound() : await GroupAsync(resolved, cancellationToken);
    }

    public async Task<LogGroupRow> GroupAsync(string name, CancellationToken cancellationToken) =>
        await store.GetGroupAsync(name, cancellationToken) ?? throw LogsErrors.GroupNotFound();

    public async Task<LogStreamRow> StreamAsync(LogGroupRow group, string stream, CancellationToken cancellationToken) =>
        await store.GetStreamAsync(group.Id, stream, cancellationToken) ?? throw LogsErrors.StreamNotFound();
}
