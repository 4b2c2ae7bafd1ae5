using System.Text.RegularExpressions;
using Wharf.Core.Model;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.State;

namespace Wharf.Server.Ecs.Common;

/// <summary>
/// The tags of ECS resources (kind <see cref="StateKinds.Tags"/>, keyed by resource ARN), with ECS's
/// tag rules: at most 50 per resource, keys 1–128 and values 0–256 characters of letters, digits,
/// spaces and <c>_ . : / = + - @</c>, keys unique, and the <c>aws:</c> prefix reserved.
/// Stateless and thread-safe.
/// </summary>
internal sealed partial class ResourceTags(StateRepository state)
{
    public const int MaxTagsPerResource = 50;

    /// <summary>Checks tags given to any ECS API.</summary>
    /// <exception cref="Protocol.Errors.AwsServiceException">InvalidParameterException naming the first broken rule.</exception>
    public static void Validate(IReadOnlyList<Tag>? tags)
    {
        if (tags is null)
        {
            return;
        }

        if (tags.Count > MaxTagsPerResource)
        {
            throw EcsErrors.InvalidParameter($"A resource can have at most {MaxTagsPerResource} tags; {tags.Count} were given.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            ValidateKey(tag.Key);
            var value = tag.Value ?? "";
            if (value.Length > 256 || !TagCharacters().IsMatch(value))
            {
                throw EcsErrors.InvalidParameter(
                    $"Invalid tag value for key '{tag.Key}': a value is up to 256 letters, digits, spaces and _ . : / = + - @.");
            }

            if (!seen.Add(tag.Key!))
            {
                throw EcsErrors.InvalidParameter($"Duplicate tag key '{tag.Key}': each tag key of a resource must be unique.");
            }
        }
    }

    /// <summary>Checks one tag key.</summary>
    public static void ValidateKey(string? key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > 128 || !TagCharacters().IsMatch(key))
        {
            throw EcsErrors.InvalidParameter(
                $"Invalid tag key '{key}': a key is 1 to 128 letters, digits, spaces and _ . : / = + - @.");
        }

        if (key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
        {
            throw EcsErrors.InvalidParameter($"Invalid tag key '{key}': the aws: prefix is reserved for AWS use.");
        }
    }

    public ValueTask<Versioned<TagSet>?> GetAsync(string resourceArn, CancellationToken cancellationToken) =>
        state.GetAsync<TagSet>(StateKinds.Tags, resourceArn, cancellationToken);

    /// <summary>The tags of a resource as the API returns them (empty when it has none).</summary>
    public async ValueTask<List<Tag>> ListAsync(string resourceArn, CancellationToken cancellationToken) =>
        ToWire((await GetAsync(resourceArn, cancellationToken))?.Value);

    public static List<Tag> ToWire(TagSet? set) =>
        set?.Tags.Select(t => new Tag { Key = t.Key, Value = t.Value }).ToList() ?? [];

    /// <summary>
    /// Adds or overwrites <paramref name="tags"/> on a resource in <paramref name="write"/>, checking the
    /// per-resource limit on the result. <paramref name="existing"/> is the set read in the same attempt.
    /// </summary>
    public static void Put(StateWrite write, string resourceArn, Versioned<TagSet>? existing, IReadOnlyList<Tag>? tags)
    {
        if (tags is null || tags.Count == 0)
        {
            return;
        }

        Validate(tags);
        var merged = existing?.Value.Tags.ToList() ?? [];
        foreach (var tag in tags)
        {
            var index = merged.FindIndex(t => t.Key == tag.Key);
            var record = new TagRecord(tag.Key!, tag.Value ?? "");
            if (index >= 0)
            {
                merged[index] = record;
            }
            else
            {
                merged.Add(record);
            }
        }

        if (merged.Count > MaxTagsPerResource)
        {
            throw EcsErrors.InvalidParameter(
                $"A resource can have at most {MaxTagsPerResource} tags; this request would give it {merged.Count}.");
        }

        write.Put(StateKinds.Tags, resourceArn, "", new TagSet { ResourceArn = resourceArn, Tags = merged }, existing?.Version ?? 0);
    }

    /// <summary>Makes <paramref name="tags"/> the resource's only tags (none: its tag set is deleted).</summary>
    public static void Replace(StateWrite write, string resourceArn, Versioned<TagSet>? existing, IReadOnlyList<Tag>? tags)
    {
        if (tags is null || tags.Count == 0)
        {
            if (existing is not null)
            {
                write.Delete(StateKinds.Tags, resourceArn, existing.Version);
            }

            return;
        }

        Validate(tags);
        var set = new TagSet { ResourceArn = resourceArn, Tags = tags.Select(t => new TagRecord(t.Key!, t.Value ?? "")).ToList() };
        write.Put(StateKinds.Tags, resourceArn, "", set, existing?.Version ?? 0);
    }

    /// <summary>Removes the given keys (absent ones are ignored, as in ECS).</summary>
    public static void Remove(StateWrite write, Versioned<TagSet>? existing, IReadOnlyCollection<string> keys)
    {
        if (existing is null)
        {
            return;
        }

        var remaining = existing.Value.Tags.Where(t => !keys.Contains(t.Key)).ToList();
        if (remaining.Count != existing.Value.Tags.Count)
        {
            write.Put(StateKinds.Tags, existing.Key, "", existing.Value with { Tags = remaining }, existing.Version);
        }
    }

    [GeneratedRegex(@"^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$")]
    private static partial Regex TagCharacters();
}
