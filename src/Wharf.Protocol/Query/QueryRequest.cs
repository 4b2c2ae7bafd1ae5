using System.Net;
using System.Text;

namespace Wharf.Protocol.Query;

/// <summary>
/// A form-encoded AWS Query request (POST body or GET query string): its <c>Action</c>,
/// <c>Version</c> and every other parameter by its flattened key (<c>Subnets.member.1</c>).
/// </summary>
public sealed class QueryRequest
{
    private QueryRequest(Dictionary<string, string> parameters)
    {
        Parameters = parameters;
    }

    /// <summary>The <c>Action</c> parameter, or null when absent.</summary>
    public string? Action => Parameters.GetValueOrDefault("Action");

    /// <summary>The <c>Version</c> parameter, or null when absent.</summary>
    public string? Version => Parameters.GetValueOrDefault("Version");

    /// <summary>Every parameter, decoded; a key given twice keeps its first value.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; }

    /// <summary>Parses an <c>application/x-www-form-urlencoded</c> body (UTF-8).</summary>
    public static QueryRequest Parse(ReadOnlySpan<byte> body) => Parse(Encoding.UTF8.GetString(body));

    /// <summary>Parses a form-encoded string, with or without a leading <c>?</c>.</summary>
    public static QueryRequest Parse(string form)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        var source = form.AsSpan().TrimStart('?');
        foreach (var range in source.Split('&'))
        {
            var text = source[range];
            if (text.IsEmpty)
            {
                continue;
            }

            var eq = text.IndexOf('=');
            var key = Decode(eq < 0 ? text : text[..eq]);
            var value = eq < 0 ? string.Empty : Decode(text[(eq + 1)..]);
            parameters.TryAdd(key, value);
        }

        return new QueryRequest(parameters);
    }

    private static string Decode(ReadOnlySpan<char> text) => WebUtility.UrlDecode(text.ToString());
}
