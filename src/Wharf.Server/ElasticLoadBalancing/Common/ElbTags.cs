using System.Text.RegularExpressions;
using Wharf.Core.Model;
using Wharf.Protocol.Generated.ElasticLoadBalancingV2;
using Wharf.Server.State;

namespace Wharf.Server.ElasticLoadBalancing.Common;

/// <summary>Tags of ELBv2 resources, kept under <see cref="StateKinds.Tags"/> by ARN, with ELBv2's tag rules.</summary>
internal static partial class ElbTags
{
    public const int MaxTags = 50;

    public static void Validate(IReadOnlyList<Tag>? tags)
    {
        if (tags is null)
        {
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            ValidateKey(tag.Key);
            if (tag.Value is { Length: > 256 })
            {
                throw ElbErrors.Validation($"Tag value for key '{tag.Key}' must be at most 256 characters");
            }

            if (!seen.Add(tag.Key!))
            {
                throw ElbErrors.DuplicateTagKeys(tag.Key!);
            }
        }

        if (tags.Count > MaxTags)
        {
            throw ElbErrors.TooManyTags();
        }
    }

    public static void ValidateKey(string? key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > 128 || !KeyCharacters().IsMatch(key))
        {
            throw ElbErrors.Validation($"Tag key '{key}' must be 1 to 128 Unicode letters, digits, spaces and _ . : / = + - @");
        }

        if (key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
        {
            throw ElbErrors.Validation("Tag keys starting with 'aws:' are reserved");
        }
    }

    /// <summary>Buffers the tags of a new resource.</summary>
    public static void PutNew(StateWrite write, string arn, IReadOnlyList<Tag>? tags)
    {
        if (tags is { Count: > 0 })
        {
            write.Put(StateKinds.Tags, arn, "", new TagSet { ResourceArn = arn, Tags = tags.Select(t => new TagRecord(t.Key!, t.Value ?? "")).ToList() }, 0);
        }
    }

    /// <summary>Buffers the deletion of a resource's tags, if it has any.</summary>
    public static async ValueTask DeleteAsync(StateRepository state, StateWrite write, string arn, CancellationToken cancellationToken)
    {
        var tags = await state.GetAsync<TagSet>(StateKinds.Tags, arn, cancellationToken);
        if (tags is not null)
        {
            write.Delete(StateKinds.Tags, arn, tags.Version);
        }
    }

    [GeneratedRegex(@"^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$")]
    private static partial Regex KeyCharacters();
}
