using Wharf.EndToEnd.Tests.Infrastructure;

namespace Wharf.EndToEnd.Tests.BadInput;

/// <summary>
/// Requests no AWS SDK would send, made with curl (signed by curl's own <c>--aws-sigv4</c>
/// unless the case is about signing): each gets the AWS JSON error shape with the AWS exception
/// name and a 4xx, never a 500 or a stack trace.
/// </summary>
[Trait("Category", "EndToEnd")]
[Trait("Area", "BadInput")]
public sealed class RawRequestTests(WharfFixture wharf, ITestOutputHelper output)
    : WharfTest(wharf, output), IClassFixture<WharfFixture>
{
    [Theory]
    // A body that is not JSON, or JSON of the wrong type: the JSON 1.1 protocol's SerializationException.
    [InlineData("ListClusters", "{\"maxResults\": ", 400, "SerializationException")]
    [InlineData("ListClusters", "not json at all", 400, "SerializationException")]
    [InlineData("RunTask", "{\"taskDefinition\": \"web\", \"count\": \"three\"}", 400, "SerializationException")]
    [InlineData("DescribeClusters", "{\"clusters\": \"default\"}", 400, "SerializationException")]
    // An operation ECS does not have.
    [InlineData("LaunchRocket", "{}", 400, "UnknownOperationException")]
    // A required member missing (DescribeTasks.tasks).
    [InlineData("DescribeTasks", "{\"cluster\": \"default\"}", 400, "InvalidParameterException")]
    public Task SignedCall_BadBodyOrTarget_AwsErrorShape(string operation, string body, int status, string error) => Scenario(async () =>
    {
        var reply = await Curl.AwsJsonAsync(Wharf.Endpoint, Curl.EcsTargetPrefix + operation, body);

        AssertAwsError(reply, status, error);
    });

    [Fact]
    public Task SignedCall_NoTargetHeader_UnknownOperation() => Scenario(async () =>
    {
        var reply = await Curl.AwsJsonAsync(Wharf.Endpoint, target: null, "{}");

        Assert.InRange(reply.Status, 400, 499);
        AssertNoStackTrace(reply);
    });

    [Fact]
    public Task Call_Unsigned_Refused() => Scenario(async () =>
    {
        var reply = await Curl.AwsJsonAsync(Wharf.Endpoint, Curl.EcsTargetPrefix + "ListClusters", "{}", Curl.Signing.None);

        // AWS answers MissingAuthenticationTokenException; DESIGN.md also allows UnrecognizedClientException.
        AssertAwsError(reply, status: null, "MissingAuthenticationTokenException", "UnrecognizedClientException");
    });

    [Fact]
    public Task Call_WrongSecret_InvalidSignature() => Scenario(async () =>
    {
        var reply = await Curl.AwsJsonAsync(
            Wharf.Endpoint, Curl.EcsTargetPrefix + "ListClusters", "{}", secretAccessKey: "not-the-secret-access-key-0000000000000");

        AssertAwsError(reply, status: null, "InvalidSignatureException");
    });

    [Fact]
    public Task Call_UnknownAccessKey_UnrecognizedClient() => Scenario(async () =>
    {
        var reply = await Curl.AwsJsonAsync(
            Wharf.Endpoint, Curl.EcsTargetPrefix + "ListClusters", "{}", accessKeyId: "AKIAUNKNOWNKEY000000");

        AssertAwsError(reply, status: null, "UnrecognizedClientException");
    });

    [Fact]
    public Task AwsCli_WrongSecretOrNoSignature_Refused() => Scenario(async () =>
    {
        var wrongSecret = await Aws.WithCredentials(AwsCli.LocalAccessKeyId, "not-the-secret-access-key-0000000000000").EcsAsync("list-clusters");
        var unsigned = await Aws.RunAsync("--no-sign-request", "ecs", "list-clusters");

        Assert.False(wrongSecret.Succeeded);
        Assert.Equal("InvalidSignatureException", wrongSecret.ErrorCode);
        Assert.False(unsigned.Succeeded);
        Assert.Contains(unsigned.ErrorCode, new[] { "MissingAuthenticationTokenException", "UnrecognizedClientException" });
    });

    /// <param name="status">The exact status, or null for any 4xx.</param>
    private static void AssertAwsError(HttpReply reply, int? status, params string[] errors)
    {
        if (status is { } exact)
        {
            Assert.True(reply.Status == exact, $"expected HTTP {exact}, got {reply}");
        }
        else
        {
            Assert.True(reply.Status is >= 400 and < 500, $"expected a 4xx, got {reply}");
        }

        Assert.True(reply.Json is not null, $"the error body is not JSON: {reply}");
        Assert.Contains(reply.ErrorType, errors);
        Assert.False(string.IsNullOrWhiteSpace(reply.ErrorMessage), $"no message in {reply}");
        Assert.Contains("json", reply.ContentType, StringComparison.OrdinalIgnoreCase);
        AssertNoStackTrace(reply);
    }

    private static void AssertNoStackTrace(HttpReply reply)
    {
        Assert.DoesNotContain("   at ", reply.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", reply.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Wharf.", reply.Body, StringComparison.Ordinal);
    }
}
