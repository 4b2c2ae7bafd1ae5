using System.Text.Json.Nodes;

namespace Wharf.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Runs the real <c>aws</c> CLI, and boto3 snippets, against one Wharf endpoint, isolated from
/// the machine's AWS configuration: empty config and credentials files, the key pair given,
/// no pager, one attempt per call (a 5xx must show, not be retried away).
/// </summary>
public sealed class AwsCli
{
    /// <summary>The key pair <c>wharf up</c> accepts when none is configured.</summary>
    public const string LocalAccessKeyId = "AKIAWHARF0LOCAL0KEY0";

    /// <summary>The secret of <see cref="LocalAccessKeyId"/>.</summary>
    public const string LocalSecretAccessKey = "wharf-local-secret-access-key-0000000000";

    public const string Region = "us-east-1";

    /// <summary>What the CLI reads as its config and credentials files: nothing.</summary>
    private const string EmptyFile = "/dev/null";

    public AwsCli(Uri endpoint, string accessKeyId = LocalAccessKeyId, string secretAccessKey = LocalSecretAccessKey)
    {
        Endpoint = endpoint;
        AccessKeyId = accessKeyId;
        SecretAccessKey = secretAccessKey;
    }

    public Uri Endpoint { get; }

    public string AccessKeyId { get; }

    public string SecretAccessKey { get; }

    /// <summary>The same CLI with other credentials (to test refused signatures).</summary>
    public AwsCli WithCredentials(string accessKeyId, string secretAccessKey) => new(Endpoint, accessKeyId, secretAccessKey);

    /// <summary>The environment both the CLI and boto3 run with.</summary>
    public IReadOnlyDictionary<string, string?> Environment(IReadOnlyDictionary<string, string?>? extra = null)
    {
        var env = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["AWS_ACCESS_KEY_ID"] = AccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = SecretAccessKey,
            ["AWS_DEFAULT_REGION"] = Region,
            ["AWS_REGION"] = Region,
            ["AWS_PAGER"] = "",
            ["AWS_CONFIG_FILE"] = EmptyFile,
            ["AWS_SHARED_CREDENTIALS_FILE"] = EmptyFile,
            ["AWS_MAX_ATTEMPTS"] = "1",
            ["AWS_RETRY_MODE"] = "standard",
            ["AWS_EC2_METADATA_DISABLED"] = "true",
            ["AWS_SESSION_TOKEN"] = null,
            ["AWS_SECURITY_TOKEN"] = null,
            ["AWS_PROFILE"] = null,
            ["AWS_DEFAULT_PROFILE"] = null,
            ["AWS_ENDPOINT_URL"] = null,
            ["AWS_ENDPOINT_URL_ECS"] = null,
            ["AWS_CA_BUNDLE"] = null,
            ["WHARF_ENDPOINT"] = Endpoint.ToString().TrimEnd('/'),
            ["PYTHONDONTWRITEBYTECODE"] = "1",
        };
        if (extra is not null)
        {
            foreach (var (name, value) in extra)
            {
                env[name] = value;
            }
        }

        return env;
    }

    /// <summary>
    /// <c>aws --endpoint-url … --region us-east-1 --output json &lt;args&gt;</c>, e.g.
    /// <c>RunAsync("ecs", "run-task", "--count", "3")</c>.
    /// </summary>
    public Task<AwsResult> RunAsync(params string[] args) => RunAsync(args, extraEnvironment: null);

    /// <summary><c>aws ecs &lt;args&gt;</c>.</summary>
    public Task<AwsResult> EcsAsync(params string[] args) => RunAsync(["ecs", .. args]);

    /// <summary><c>aws ecs &lt;args&gt;</c> that must succeed; returns its JSON output.</summary>
    public async Task<JsonNode> EcsOkAsync(params string[] args) => (await EcsAsync(args)).EnsureSuccess();

    /// <summary>
    /// Runs the CLI with extra arguments placed before <paramref name="args"/> and extra
    /// environment entries (null removes one).
    /// </summary>
    public async Task<AwsResult> RunAsync(
        IEnumerable<string> args,
        IReadOnlyDictionary<string, string?>? extraEnvironment,
        bool withEndpoint = true,
        CancellationToken cancellationToken = default)
    {
        List<string> all = withEndpoint
            ? ["--endpoint-url", Endpoint.ToString().TrimEnd('/'), "--region", Region, "--output", "json", .. args]
            : ["--output", "json", .. args];
        var result = await ProcessRunner.RunAsync(
            "aws", all, Environment(extraEnvironment), timeout: TimeSpan.FromMinutes(1), cancellationToken: cancellationToken);
        return new AwsResult("aws " + string.Join(' ', all), result.ExitCode, result.StdOut, result.StdErr);
    }

    /// <summary>
    /// Runs a python3 snippet with boto3 after a prelude that defines <c>ecs</c> (a normal boto3
    /// ECS client on this endpoint), <c>raw_ecs</c> (the same without client-side parameter
    /// validation, so malformed input reaches the server), <c>call(fn, **kwargs)</c> (returns
    /// <c>{"ok": response}</c> or <c>{"code", "status", "message"}</c> of the error) and
    /// <c>out(value)</c> (prints JSON, parsed into <see cref="AwsResult.Json"/>).
    /// </summary>
    public async Task<AwsResult> Boto3Async(string snippet, CancellationToken cancellationToken = default)
    {
        var script = Boto3Prelude + snippet;
        var result = await ProcessRunner.RunAsync(
            "python3", ["-"], Environment(), stdin: script, timeout: TimeSpan.FromMinutes(1), cancellationToken: cancellationToken);
        return new AwsResult("python3 (boto3 snippet)", result.ExitCode, result.StdOut, result.StdErr);
    }

    private const string Boto3Prelude = """
        import json, os, sys
        import boto3
        from botocore.config import Config
        from botocore.exceptions import ClientError

        _endpoint = os.environ["WHARF_ENDPOINT"]
        _retries = {"total_max_attempts": 1, "mode": "standard"}
        ecs = boto3.client("ecs", endpoint_url=_endpoint, region_name="us-east-1", config=Config(retries=_retries))
        raw_ecs = boto3.client("ecs", endpoint_url=_endpoint, region_name="us-east-1",
                               config=Config(retries=_retries, parameter_validation=False))

        def call(fn, **kwargs):
            try:
                response = fn(**kwargs)
                response.pop("ResponseMetadata", None)
                return {"ok": response}
            except ClientError as e:
                return {"code": e.response.get("Error", {}).get("Code"),
                        "message": e.response.get("Error", {}).get("Message"),
                        "status": e.response.get("ResponseMetadata", {}).get("HTTPStatusCode")}

        def out(value):
            print(json.dumps(value, default=str))

        """;
}
