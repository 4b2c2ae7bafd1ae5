using Wharf.Core.Model;
using Wharf.Protocol.Generated.ServiceDiscovery;
using Wharf.Server.State;

namespace Wharf.Server.CloudMap.Common;

/// <summary>Tags of namespaces and services (kind <see cref="StateKinds.Tags"/>, keyed by ARN): at most 50, keys unique.</summary>
internal static class CloudMapTags
{
    public const int MaxTags = 50;

    /// <summary>Adds or overwrites <paramref name="tags"/> on <paramref name="arn"/> in <paramref name="write"/>.</summary>
    public static void Put(StateWrite write, string arn, Versioned<TagSet>? existing, IReadOnlyList<Tag>? tags)
    {
        if (tags is null || tags.Count == 0)
        {
            return;
        }

        var merged = existing?.Value.Tags.ToList() ?? [];
        foreach (var tag in tags)
        {
            if (string.IsNullOrEmpty(tag.Key) || tag.Key.Length > 128 || (tag.Value?.Length ?? 0) > 256)
            {
                throw CloudMapErrors.InvalidInput($"Invalid tag '{tag.Key}': keys are 1 to 128 characters and values up to 256.");
            }

            merged.RemoveAll(t => t.Key == tag.Key);
            merged.Add(new TagRecord(tag.Key, tag.Value ?? ""));
        }

        if (merged.Count > MaxTags)
        {
            throw CloudMapErrors.TooManyTags(arn);
        }

        write.Put(StateKinds.Tags, arn, "", new TagSet { ResourceArn = arn, Tags = merged }, existing?.Version ?? 0);
    }

    public static List<Tag> ToWire(TagSet? set) => set?.Tags.Select(t => new Tag { Key = t.Key, Value = t.Value }).ToList() ?? [];
}
