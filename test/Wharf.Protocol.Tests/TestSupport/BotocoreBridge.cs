using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace Wharf.Protocol.Tests.TestSupport;

/// <summary>
/// Parses responses with botocore's own parsers (Vectors/botocore_parse.py), so tests check
/// that the AWS CLI reads back what Wharf writes. Offline: botocore ships with the AWS CLI.
/// </summary>
internal static class BotocoreBridge
{
    public sealed record Response(string Service, string Operation, string Protocol, AwsResponse Http);

    public static JsonArray Parse(params Response[] responses)
    {
        var input = new JsonArray([.. responses.Select(r => (JsonNode)new JsonObject
        {
            ["service"] = r.Service,
            ["operation"] = r.Operation,
            ["protocol"] = r.Protocol,
            ["status"] = r.Http.StatusCode,
            ["headers"] = new JsonObject(r.Http.Headers.Append(new("Content-Type", r.Http.ContentType))
                .Select(h => KeyValuePair.Create(h.Key, (JsonNode?)JsonValue.Create(h.Value)))),
            ["body"] = Convert.ToBase64String(r.Http.Body),
        })]);

        var start = new ProcessStartInfo("python3", Path.Combine(Vectors.Directory, "botocore_parse.py"))
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start.");
        process.StandardInput.Write(input.ToJsonString());
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill();
            throw new TimeoutException("botocore_parse.py did not finish in 60 s.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"botocore_parse.py failed ({process.ExitCode}): {stderr.Result}");
        }

        return JsonNode.Parse(stdout.Result)!.AsArray();
    }
}
