using System.Buffers.Text;
using System.Text;

namespace Wharf.Server.Ecs.Common;

/// <summary>
/// Opaque <c>nextToken</c>s: the key of the last item returned, bound to the listing that issued it
/// (a token of ListClusters is refused by ListTaskDefinitions). Base64url of <c>v1|scope|key</c>;
/// any token this server did not make is an <c>InvalidParameterException</c>.
/// </summary>
internal static class PageToken
{
    /// <summary>The page size ECS uses when <c>maxResults</c> is omitted, and the most it allows.</summary>
    public const int DefaultMaxResults = 100;

    private const string Version = "v1";

    public static string Encode(string scope, string lastKey) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{Version}|{scope}|{lastKey}"));

    /// <summary>The key after which the next page starts; null for no token (the first page).</summary>
    /// <exception cref="Protocol.Errors.AwsServiceException">InvalidParameterException for a token not issued by <paramref name="scope"/>.</exception>
    public static string? Decode(string? token, string scope)
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
            throw EcsErrors.InvalidNextToken();
        }

        var prefix = $"{Version}|{scope}|";
        return text.StartsWith(prefix, StringComparison.Ordinal) && text.Length > prefix.Length
            ? text[prefix.Length..]
            : throw EcsErrors.InvalidNextToken();
    }

    /// <summary><c>maxResults</c> checked against ECS's range (1 to <paramref name="limit"/>); omitted means the limit.</summary>
    public static int MaxResults(int? requested, int limit = DefaultMaxResults) => requested switch
    {
        null => limit,
        { } n when n >= 1 && n <= limit => n,
        { } n => throw EcsErrors.InvalidParameter($"maxResults must be between 1 and {limit}; {n} was given."),
    };

    /// <summary>
    /// One page of <paramref name="ordered"/>, which is sorted by <paramref name="keyOf"/> in ordinal
    /// order (reversed when <paramref name="descending"/>): the items after the token's key, at most
    /// <paramref name="maxResults"/>, and the token of the next page when more remain.
    /// </summary>
    public static Page<T> Slice<T>(
        IReadOnlyList<T> ordered, Func<T, string> keyOf, string scope, string? nextToken, int? maxResults, bool descending = false)
    {
        var after = Decode(nextToken, scope);
        var max = MaxResults(maxResults);
        var start = 0;
        if (after is not null)
        {
            // The token's item may have gone since: start at the first key past it in list order.
            start = ordered.Count;
            for (var i = 0; i < ordered.Count; i++)
            {
                var order = string.CompareOrdinal(keyOf(ordered[i]), after);
                if (descending ? order < 0 : order > 0)
                {
                    start = i;
                    break;
                }
            }
        }

        var items = ordered.Skip(start).Take(max).ToList();
        var more = start + items.Count < ordered.Count;
        return new Page<T>(items, more && items.Count > 0 ? Encode(scope, keyOf(items[^1])) : null);
    }
}
