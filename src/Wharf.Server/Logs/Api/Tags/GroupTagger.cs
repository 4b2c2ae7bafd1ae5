using Wharf.Server.Logs.Common;
using Wharf.Server.Logs.Storage;

namespace Wharf.Server.Logs.Api.Tags;

/// <summary>Tags of log groups, named by ARN (TagResource family) or by name (the older TagLogGroup family).</summary>
internal sealed class GroupTagger(LogStore store, LogsNames names)
{
    public string GroupOfArn(string arn)
    {
        if (!arn.StartsWith("arn:", StringComparison.Ordinal) || !arn.Contains(":log-group:", StringComparison.Ordinal))
        {
            throw LogsErrors.InvalidParameter($"Invalid resource ARN: {arn}");
        }

        return names.GroupFromIdentifier(arn) ?? throw LogsErrors.ResourceNotFound(arn);
    }

    public async Task<IReadOnlyDictionary<string, string>> UpdateAsync(
        string group, IReadOnlyDictionary<string, string>? add, IReadOnlyCollection<string>? remove, CancellationToken cancellationToken) =>
        await store.UpdateTagsAsync(group, add ?? new Dictionary<string, string>(), remove ?? [], LogsTags.MaxTags, cancellationToken)
        ?? throw LogsErrors.GroupNotFound();

    public async Task<Dictionary<string, string>> ListAsync(string group, CancellationToken cancellationToken) =>
        new((await store.GetGroupAsync(group, cancellationToken) ?? throw LogsErrors.GroupNotFound()).Tags);
}
