using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Wharf.Protocol.Auth;
using Wharf.Protocol.Tests.TestSupport;

namespace Wharf.Protocol.Tests.Auth;

/// <summary>Requests signed by botocore's SigV4Auth/SigV4QueryAuth (Vectors/sigv4.json) verify; any tampering fails.</summary>
public sealed class SigV4VerifierTests
{
    private static readonly JsonNode All = Vectors.Load("sigv4.json");
    private static readonly DateTimeOffset SignedAt = DateTimeOffset.Parse((string)All["signedAt"]!, System.Globalization.CultureInfo.InvariantCulture);

    public static TheoryData<string> Names() => [.. All["requests"]!.AsArray().Select(r => (string)r!["name"]!)];

    [Theory]
    [MemberData(nameof(Names))]
    public void Verify_BotocoreSigned_Succeeds(string name)
    {
        var result = Verifier().Verify(Request(name));

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal((string)All["accessKeyId"]!, result.AccessKeyId);
        Assert.Equal("us-east-1", result.Region);
        Assert.Equal((string)Vector(name)["service"]!, result.Service);
    }

    [Theory]
    [InlineData("json-post", "method")]
    [InlineData("json-post", "path")]
    [InlineData("json-post", "query")]
    [InlineData("json-post", "body")]
    [InlineData("json-post", "target")]
    [InlineData("json-post", "host")]
    [InlineData("json-post", "signature")]
    [InlineData("json-post", "date")]
    [InlineData("query-get", "query")]
    [InlineData("query-post", "body")]
    [InlineData("path-special", "path")]
    [InlineData("presigned", "query")]
    [InlineData("presigned", "signature")]
    [InlineData("content-sha256", "body")]
    public void Verify_TamperedPart_InvalidSignature(string name, string part)
    {
        var request = Tamper(Request(name), part);

        var result = Verifier().Verify(request);

        Assert.False(result.Succeeded);
        Assert.Equal("InvalidSignatureException", result.Error.Code);
        Assert.Equal(403, result.Error.StatusCode);
    }

    [Fact]
    public void Verify_UnsignedPayload_BodyChangeStillVerifies()
    {
        var request = Request("unsigned-payload") with { Body = "{\"maxResults\": 6}"u8.ToArray() };

        Assert.True(Verifier().Verify(request).Succeeded);
    }

    [Fact]
    public void Verify_WrongSecret_InvalidSignatureWithAwsWording()
    {
        var result = new SigV4Verifier(_ => "other-secret", new FakeTimeProvider(SignedAt)).Verify(Request("json-post"));

        Assert.Equal("InvalidSignatureException", result.Error!.Code);
        Assert.StartsWith("The request signature we calculated does not match the signature you provided.", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_UnknownAccessKey_UnrecognizedClient()
    {
        var result = new SigV4Verifier(_ => null, new FakeTimeProvider(SignedAt)).Verify(Request("json-post"));

        Assert.Equal("UnrecognizedClientException", result.Error!.Code);
        Assert.Equal("The security token included in the request is invalid.", result.Error.Message);
        Assert.Equal(403, result.Error.StatusCode);
    }

    [Fact]
    public void Verify_NoAuthorization_MissingAuthenticationToken()
    {
        var request = Request("json-post");
        request = request with { Headers = [.. request.Headers.Where(h => h.Key != "Authorization")] };

        var result = Verifier().Verify(request);

        Assert.Equal("MissingAuthenticationTokenException", result.Error!.Code);
        Assert.Equal("Missing Authentication Token", result.Error.Message);
    }

    [Theory]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKID/20240102/us-east-1/ecs/aws4_request, SignedHeaders=host")]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKID/20240102/us-east-1/aws4_request, SignedHeaders=host, Signature=00")]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKID/20240102/us-east-1/ecs/aws5_request, SignedHeaders=host, Signature=00")]
    [InlineData("AWS3 Credential=AKID/20240102/us-east-1/ecs/aws4_request, SignedHeaders=host, Signature=00")]
    [InlineData("garbage")]
    public void Verify_MalformedAuthorization_IncompleteSignature(string authorization)
    {
        var request = Request("json-post");
        request = request with { Headers = [.. request.Headers.Where(h => h.Key != "Authorization"), new("Authorization", authorization)] };

        var result = Verifier().Verify(request);

        Assert.Equal("IncompleteSignatureException", result.Error!.Code);
        Assert.Equal(403, result.Error.StatusCode);
    }

    [Theory]
    [InlineData(-16, "Signature expired: 20240102T030405Z is now earlier than 20240102T030505Z (20240102T032005Z - 15 min.)")]
    [InlineData(16, "Signature not yet current: 20240102T030405Z is still later than 20240102T030305Z (20240102T024805Z + 15 min.)")]
    public void Verify_ClockSkewOver15Minutes_InvalidSignature(int minutes, string message)
    {
        var clock = new FakeTimeProvider(SignedAt.AddMinutes(-minutes));

        var result = Verifier(clock).Verify(Request("json-post"));

        Assert.Equal("InvalidSignatureException", result.Error!.Code);
        Assert.Equal(message, result.Error.Message);
    }

    [Fact]
    public void Verify_ClockSkewWithin15Minutes_Succeeds() =>
        Assert.True(Verifier(new FakeTimeProvider(SignedAt.AddMinutes(14))).Verify(Request("json-post")).Succeeded);

    [Fact]
    public void Verify_PresignedAfterExpiry_InvalidSignature()
    {
        var result = Verifier(new FakeTimeProvider(SignedAt.AddHours(2))).Verify(Request("presigned"));

        Assert.Equal("InvalidSignatureException", result.Error!.Code);
        Assert.StartsWith("Signature expired", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_PayloadHashGiven_BodyNotRead()
    {
        var request = Request("json-post");
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(request.Body.Span));

        Assert.True(Verifier().Verify(request with { Body = default, PayloadHash = hash }).Succeeded);
    }

    private static SigV4Verifier Verifier(TimeProvider? time = null) =>
        new(key => key == (string)All["accessKeyId"]! ? (string)All["secretAccessKey"]! : null, time ?? new FakeTimeProvider(SignedAt.AddSeconds(30)));

    private static JsonNode Vector(string name) => All["requests"]!.AsArray().Single(r => (string)r!["name"]! == name)!;

    private static SigV4Request Request(string name)
    {
        var v = Vector(name);
        return new SigV4Request
        {
            Method = (string)v["method"]!,
            RawPath = (string)v["path"]!,
            RawQueryString = (string)v["query"]!,
            Headers = [.. v["headers"]!.AsArray().Select(h => KeyValuePair.Create((string)h![0]!, (string)h[1]!))],
            Body = Convert.FromBase64String((string)v["body"]!),
        };
    }

    private static SigV4Request Tamper(SigV4Request r, string part) => part switch
    {
        "method" => r with { Method = "PUT" },
        "path" => r with { RawPath = r.RawPath + "x" },
        "query" => r with { RawQueryString = r.RawQueryString + "&Extra=1" },
        "body" => r with { Body = r.Body.ToArray().Append((byte)' ').ToArray() },
        "target" => WithHeader(r, "X-Amz-Target", "AmazonEC2ContainerServiceV20141113.DeleteCluster"),
        "host" => WithHeader(r, "Host", "127.0.0.2:4566"),
        "date" => WithHeader(r, "X-Amz-Date", "20240102T030406Z"),
        "signature" when r.Headers.Any(h => h.Key == "Authorization") =>
            WithHeader(r, "Authorization", FlipLast(r.Headers.Single(h => h.Key == "Authorization").Value)),
        "signature" => r with { RawQueryString = FlipLast(r.RawQueryString!) },
        _ => throw new ArgumentOutOfRangeException(nameof(part)),
    };

    private static SigV4Request WithHeader(SigV4Request r, string name, string value) =>
        r with { Headers = [.. r.Headers.Where(h => !h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)), new(name, value)] };

    private static string FlipLast(string s) => s[..^1] + (s[^1] == '0' ? '1' : '0');
}
