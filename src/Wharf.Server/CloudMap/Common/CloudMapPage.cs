using System.Buffers.Text;
using System.Text;

namespace Wharf.Server.CloudMap.Common;

/// <summary>
/// Opaque <c>NextToken</c>s for Cloud Map listings: base64url of <c>cm1|scope|last key</c>. A token
/// not issued by the same listing is <c>InvalidInput</c>.
/// </summary>
internal static class CloudMapPage
{
    public static (IReadOnlyList<T> Items, string? NextToken) Slice<T>(
        IReadOnlyList<T> ordered, Func<T, string> keyOf, string scope, string? nextToken, int? maxResults, int defaultMax = 100)
    {
        var after = Decode(nextToken, scope);
        var max = maxResults ?? defaultMax;
        if (max < 1)
        {
            throw CloudMapErrors.InvalidInput("MaxResults must be at least 1.");
        }

        var start = 0;
        if (after is not null)
        {
            start = ordered.Count;
            for (var i = 0; i < ordered.Count; i++)
            {
                if (string.CompareOrdinal(keyOf(ordered[i]), after) > 0)
                {
                    start = i;
                    break;
                }
            }
        }

        var items = ordered.Skip(start).Take(max).ToList();
        var more = start + items.Count < ordered.Count;
        return (items, more && items.Count > 0 ? Encode(scope, keyOf(items[^1])) : null);
    }

    private static string Encode(string scope, string key) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"cm1|{scope}|{key}"));

    private static string? Decode(string? token, string scope)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        }
        catch (FormatException)
        {
            throw CloudMapErrors.InvalidNextToken();
        }

        var prefix = $"cm1|{scope}|";
        return text.StartsWith(prefix, StringComparison.Ordinal) && text.Length > prefix.Length
            ? text[prefix.Length..]
            : throw CloudMapErrors.InvalidNextToken();
    }
}
