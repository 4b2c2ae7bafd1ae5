using System.Globalization;

namespace Wharf.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Raw requests with the real <c>curl</c>: plain GETs, and AWS JSON 1.1 calls that the AWS CLI
/// would never send (malformed bodies, unknown targets, no or wrong signatures), signed by
/// curl's own <c>--aws-sigv4</c>.
/// </summary>
public static class Curl
{
    /// <summary>The ECS JSON 1.1 target prefix.</summary>
    public const string EcsTargetPrefix = "AmazonEC2ContainerServiceV20141113.";

    /// <summary>How a raw call is signed.</summary>
    public enum Signing
    {
        /// <summary>SigV4 with the given key pair.</summary>
        SigV4,

        /// <summary>No Authorization header at all.</summary>
        None,
    }

    /// <summary>GET <paramref name="url"/>; status 0 when nothing answered.</summary>
    public static Task<HttpReply> GetAsync(string url, TimeSpan? timeout = null) =>
        RequestAsync(["--max-time", Seconds(timeout ?? TimeSpan.FromSeconds(5)), url]);

    /// <summary>POSTs an AWS JSON 1.1 call with <paramref name="target"/> and <paramref name="body"/> as given.</summary>
    public static Task<HttpReply> AwsJsonAsync(
        Uri endpoint,
        string? target,
        string body,
        Signing signing = Signing.SigV4,
        string accessKeyId = AwsCli.LocalAccessKeyId,
        string secretAccessKey = AwsCli.LocalSecretAccessKey)
    {
        List<string> args =
        [
            "--max-time", "30",
            "-X", "POST",
            "-H", "Content-Type: application/x-amz-json-1.1",
        ];
        if (target is not null)
        {
            args.AddRange(["-H", $"X-Amz-Target: {target}"]);
        }

        if (signing == Signing.SigV4)
        {
            args.AddRange(["--aws-sigv4", $"aws:amz:{AwsCli.Region}:ecs", "--user", $"{accessKeyId}:{secretAccessKey}"]);
        }

        args.AddRange(["--data-binary", body, endpoint.ToString().TrimEnd('/') + "/"]);
        return RequestAsync(args);
    }

    private static async Task<HttpReply> RequestAsync(List<string> args)
    {
        // The body goes to a file, byte for byte; stdout carries only the status and content type.
        var bodyFile = Path.GetTempFileName();
        try
        {
            List<string> all = ["-s", "-o", bodyFile, "-w", "%{http_code} %{content_type}", .. args];
            var result = await ProcessRunner.RunAsync("curl", all, timeout: TimeSpan.FromMinutes(1));
            var trailer = result.StdOut.Trim();
            var space = trailer.IndexOf(' ', StringComparison.Ordinal);
            var status = int.Parse(space < 0 ? trailer : trailer[..space], CultureInfo.InvariantCulture);
            var contentType = space < 0 ? "" : trailer[(space + 1)..];
            return new HttpReply(status, contentType, await File.ReadAllTextAsync(bodyFile));
        }
        finally
        {
            File.Delete(bodyFile);
        }
    }

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}
