using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Wharf.Protocol.Errors;

namespace Wharf.Protocol.Auth;

/// <summary>
/// Verifies AWS Signature Version 4 (<c>AWS4-HMAC-SHA256</c>) on requests to non-S3 services,
/// from the <c>Authorization</c> header or presigned query parameters, with AWS's error names:
/// <c>MissingAuthenticationTokenException</c>, <c>IncompleteSignatureException</c>,
/// <c>UnrecognizedClientException</c>, <c>InvalidSignatureException</c> (bad signature, or a
/// request time more than 15 minutes from the server's). Thread-safe; derived signing keys
/// are cached per access key, day, region and service.
/// </summary>
public sealed partial class SigV4Verifier
{
    /// <summary>The only algorithm SigV4 defines.</summary>
    public const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>The payload hash a client sends when it does not sign the body.</summary>
    public const string UnsignedPayload = "UNSIGNED-PAYLOAD";

    private const string TimestampFormat = "yyyyMMdd'T'HHmmss'Z'";
    private const int MaxCachedKeys = 1024;
    private static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(15);

    private readonly Func<string, string?> _secretFor;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<(string Secret, string Date, string Region, string Service), byte[]> _keys = new();

    /// <summary>Creates a verifier.</summary>
    /// <param name="secretFor">Returns the secret access key of an access key id, or null when the key is unknown.</param>
    /// <param name="time">The clock for the skew and expiry checks.</param>
    public SigV4Verifier(Func<string, string?> secretFor, TimeProvider time)
    {
        _secretFor = secretFor;
        _time = time;
    }

    /// <summary>Verifies <paramref name="request"/>.</summary>
    public SigV4Result Verify(SigV4Request request)
    {
        var authorization = FindHeader(request.Headers, "Authorization");
        var query = request.RawQueryString;
        SigV4Credential credential;
        try
        {
            if (authorization is not null)
            {
                credential = ParseAuthorization(authorization, request.Headers);
            }
            else if (query is not null && query.Contains("X-Amz-Algorithm=", StringComparison.Ordinal))
            {
                credential = ParsePresigned(query);
            }
            else
            {
                return SigV4Result.Fail(CommonErrors.MissingAuthenticationToken());
            }
        }
        catch (AwsServiceException ex)
        {
            return SigV4Result.Fail(ex);
        }

        if (_secretFor(credential.AccessKeyId) is not { } secret)
        {
            return SigV4Result.Fail(CommonErrors.UnrecognizedClient());
        }

        if (CheckTime(credential) is { } timeError)
        {
            return SigV4Result.Fail(timeError);
        }

        var payloadHash = PayloadHash(request, out var payloadError);
        if (payloadError is not null)
        {
            return SigV4Result.Fail(payloadError);
        }

        var signedHeaders = credential.SignedHeaders.Split(';');
        var canonicalRequest = string.Join('\n',
            request.Method.ToUpperInvariant(),
            SigV4Canonical.Uri(request.RawPath),
            SigV4Canonical.Query(query, exclude: authorization is null ? "X-Amz-Signature" : null),
            SigV4Canonical.Headers(request.Headers, signedHeaders),
            credential.SignedHeaders,
            payloadHash);
        var stringToSign = string.Join('\n', Algorithm, credential.Timestamp, credential.Scope, Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));
        var expected = Hex(HMACSHA256.HashData(SigningKey(secret, credential), Encoding.UTF8.GetBytes(stringToSign)));

        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(credential.Signature)))
        {
            return SigV4Result.Fail(CommonErrors.InvalidSignature(
                "The request signature we calculated does not match the signature you provided. " +
                "Check your AWS Secret Access Key and signing method. Consult the service documentation for details."));
        }

        return new SigV4Result { AccessKeyId = credential.AccessKeyId, Region = credential.Region, Service = credential.Service };
    }

    /// <summary>Lower-case hex, as SigV4 writes hashes and signatures.</summary>
    internal static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    private AwsServiceException? CheckTime(SigV4Credential credential)
    {
        if (!DateTimeOffset.TryParseExact(credential.Timestamp, TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var signedAt))
        {
            return CommonErrors.IncompleteSignature($"Date must be in ISO-8601 'basic format'. Got '{credential.Timestamp}'. See http://en.wikipedia.org/wiki/ISO_8601");
        }

        if (!credential.Timestamp.StartsWith(credential.Date, StringComparison.Ordinal))
        {
            return CommonErrors.InvalidSignature(
                $"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '{credential.Date}' != '{credential.Timestamp[..8]}', from '{credential.Timestamp}'.");
        }

        var now = _time.GetUtcNow();
        if (credential.ExpiresSeconds is { } expires)
        {
            return now > signedAt.AddSeconds(expires) || signedAt - now > MaxSkew
                ? CommonErrors.InvalidSignature($"Signature expired: {credential.Timestamp} is now earlier than {Format(now)}.")
                : null;
        }

        if (signedAt < now - MaxSkew)
        {
            return CommonErrors.InvalidSignature(
                $"Signature expired: {credential.Timestamp} is now earlier than {Format(now - MaxSkew)} ({Format(now)} - 15 min.)");
        }

        if (signedAt > now + MaxSkew)
        {
            return CommonErrors.InvalidSignature(
                $"Signature not yet current: {credential.Timestamp} is still later than {Format(now + MaxSkew)} ({Format(now)} + 15 min.)");
        }

        return null;
    }

    private static string PayloadHash(SigV4Request request, out AwsServiceException? error)
    {
        error = null;
        var declared = FindHeader(request.Headers, "x-amz-content-sha256");
        if (declared == UnsignedPayload)
        {
            return declared;
        }

        var actual = request.PayloadHash ?? Hex(SHA256.HashData(request.Body.Span));
        if (declared is not null && !string.Equals(declared, actual, StringComparison.OrdinalIgnoreCase))
        {
            error = CommonErrors.InvalidSignature("The provided 'x-amz-content-sha256' header does not match what was computed.");
        }

        return declared ?? actual;
    }

    private byte[] SigningKey(string secret, SigV4Credential credential)
    {
        var cacheKey = (secret, credential.Date, credential.Region, credential.Service);
        if (_keys.TryGetValue(cacheKey, out var cached))
        {
            return cached;
        }

        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secret), Encoding.UTF8.GetBytes(credential.Date));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(credential.Region));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(credential.Service));
        key = HMACSHA256.HashData(key, "aws4_request"u8);
        if (_keys.Count >= MaxCachedKeys)
        {
            _keys.Clear();
        }

        _keys[cacheKey] = key;
        return key;
    }

    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture);

    private static string? FindHeader(IReadOnlyList<KeyValuePair<string, string>> headers, string name)
    {
        foreach (var header in headers)
        {
            if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return header.Value;
            }
        }

        return null;
    }
}
