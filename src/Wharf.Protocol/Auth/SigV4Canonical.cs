using System.Globalization;
using System.Text;

namespace Wharf.Protocol.Auth;

/// <summary>The SigV4 canonical forms, as botocore computes them for non-S3 services.</summary>
internal static class SigV4Canonical
{
    /// <summary>Removes dot segments and empty segments, then URI-encodes the (already encoded) path once more.</summary>
    public static string Uri(string rawPath)
    {
        if (string.IsNullOrEmpty(rawPath))
        {
            return "/";
        }

        var output = new List<string>();
        foreach (var segment in rawPath.Split('/'))
        {
            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (output.Count > 0)
                {
                    output.RemoveAt(output.Count - 1);
                }

                continue;
            }

            output.Add(segment);
        }

        var path = (rawPath[0] == '/' ? "/" : string.Empty)
            + string.Join('/', output)
            + (rawPath[^1] == '/' && output.Count > 0 ? "/" : string.Empty);
        return Encode(path, keepSlash: true);
    }

    /// <summary>Decodes each name and value, re-encodes them with AWS's rules and sorts the pairs.</summary>
    public static string Query(string? rawQuery, string? exclude = null)
    {
        if (string.IsNullOrEmpty(rawQuery))
        {
            return string.Empty;
        }

        var pairs = new List<(string Key, string Value)>();
        foreach (var pair in rawQuery.TrimStart('?').Split('&'))
        {
            if (pair.Length == 0)
            {
                continue;
            }

            var eq = pair.IndexOf('=');
            var key = Encode(System.Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]), keepSlash: false);
            if (key == exclude)
            {
                continue;
            }

            pairs.Add((key, Encode(System.Uri.UnescapeDataString(eq < 0 ? string.Empty : pair[(eq + 1)..]), keepSlash: false)));
        }

        pairs.Sort((a, b) =>
        {
            var byKey = string.CompareOrdinal(a.Key, b.Key);
            return byKey != 0 ? byKey : string.CompareOrdinal(a.Value, b.Value);
        });
        return string.Join('&', pairs.Select(p => p.Key + "=" + p.Value));
    }

    /// <summary>The canonical header block (with its trailing newline) for the signed header names.</summary>
    public static string Headers(IReadOnlyList<KeyValuePair<string, string>> headers, IReadOnlyList<string> signedHeaders)
    {
        var sb = new StringBuilder();
        foreach (var name in signedHeaders)
        {
            sb.Append(name).Append(':');
            var first = true;
            foreach (var header in headers)
            {
                if (!string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (!first)
                {
                    sb.Append(',');
                }

                sb.Append(string.Join(' ', header.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
                first = false;
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>URI-encodes every byte except unreserved characters (and <c>/</c> when <paramref name="keepSlash"/>), upper-case hex.</summary>
    public static string Encode(string value, bool keepSlash)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~' || (keepSlash && c == '/'))
            {
                sb.Append(c);
            }
            else
            {
                sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }
}
