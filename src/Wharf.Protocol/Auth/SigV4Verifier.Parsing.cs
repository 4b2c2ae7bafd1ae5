using System.Globalization;
using Wharf.Protocol.Errors;

namespace Wharf.Protocol.Auth;

/// <summary>Parsing of the <c>Authorization</c> header and presigned query parameters.</summary>
public sealed partial class SigV4Verifier
{
    private static readonly string[] AuthorizationFields = ["Credential", "Signature", "SignedHeaders"];
    private static readonly string[] PresignedFields = ["X-Amz-Credential", "X-Amz-Date", "X-Amz-SignedHeaders", "X-Amz-Signature"];

    private static SigV4Credential ParseAuthorization(string authorization, IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        var space = authorization.IndexOf(' ', StringComparison.Ordinal);
        var algorithm = space < 0 ? authorization : authorization[..space];
        if (algorithm != Algorithm)
        {
            throw CommonErrors.IncompleteSignature($"Unsupported AWS 'algorithm': '{algorithm}'.");
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in authorization[(space + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                fields[part[..eq].Trim()] = part[(eq + 1)..].Trim();
            }
        }

        var missing = AuthorizationFields.Where(f => !fields.ContainsKey(f)).ToArray();
        if (missing.Length > 0)
        {
            throw CommonErrors.IncompleteSignature(
                string.Concat(missing.Select(f => $"Authorization header requires '{f}' parameter. ")) + $"Authorization={authorization}");
        }

        var timestamp = FindHeader(headers, "X-Amz-Date")
            ?? ParseHttpDate(FindHeader(headers, "Date"))
            ?? throw CommonErrors.IncompleteSignature("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. " + $"Authorization={authorization}");
        return Build(fields["Credential"], fields["SignedHeaders"], fields["Signature"], timestamp, null);
    }

    private static SigV4Credential ParsePresigned(string rawQuery)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in rawQuery.TrimStart('?').Split('&'))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                parameters.TryAdd(Uri.UnescapeDataString(pair[..eq]), Uri.UnescapeDataString(pair[(eq + 1)..]));
            }
        }

        if (parameters.GetValueOrDefault("X-Amz-Algorithm") != Algorithm)
        {
            throw CommonErrors.IncompleteSignature($"Unsupported AWS 'algorithm': '{parameters.GetValueOrDefault("X-Amz-Algorithm")}'.");
        }

        var missing = PresignedFields.Where(n => !parameters.ContainsKey(n)).ToArray();
        if (missing.Length > 0)
        {
            throw CommonErrors.IncompleteSignature(string.Concat(missing.Select(n => $"AWS query-string parameters must include '{n}'. ")).TrimEnd());
        }

        long? expires = null;
        if (parameters.TryGetValue("X-Amz-Expires", out var text))
        {
            expires = long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= 604800
                ? seconds
                : throw CommonErrors.IncompleteSignature("X-Amz-Expires must be a non-negative integer of at most 604800 seconds.");
        }

        return Build(parameters["X-Amz-Credential"], parameters["X-Amz-SignedHeaders"], parameters["X-Amz-Signature"], parameters["X-Amz-Date"], expires ?? 900);
    }

    private static SigV4Credential Build(string credential, string signedHeaders, string signature, string timestamp, long? expires)
    {
        var scope = credential.Split('/');
        if (scope.Length != 5 || scope.Any(s => s.Length == 0))
        {
            throw CommonErrors.IncompleteSignature(
                $"Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '{credential}'");
        }

        if (scope[4] != "aws4_request")
        {
            throw CommonErrors.IncompleteSignature($"Credential should be scoped with a valid terminator: 'aws4_request', not '{scope[4]}'.");
        }

        var headers = signedHeaders.Split(';');
        if (headers.Any(h => h.Length == 0 || h.Any(char.IsAsciiLetterUpper)))
        {
            throw CommonErrors.IncompleteSignature($"SignedHeaders must be lower-case header names separated by ';', got '{signedHeaders}'.");
        }

        return new SigV4Credential(scope[0], scope[1], scope[2], scope[3], signedHeaders, signature, timestamp, expires);
    }

    // The Date header (RFC 1123) as a SigV4 timestamp, when no X-Amz-Date is sent.
    private static string? ParseHttpDate(string? date) =>
        date is not null && DateTimeOffset.TryParseExact(date, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture)
            : null;
}
