using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Wharf.EndToEnd.Tests.Infrastructure;

/// <summary>The outcome of one AWS CLI or boto3 run.</summary>
public sealed partial record AwsResult(string Command, int ExitCode, string StdOut, string StdErr)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>The parsed stdout (the CLI runs with <c>--output json</c>); null when empty or not JSON.</summary>
    public JsonNode? Json { get; } = Parse(StdOut);

    /// <summary>
    /// The AWS error code the CLI reports on stderr
    /// (<c>An error occurred (ClusterNotFoundException) when calling ...</c>), or null.
    /// </summary>
    public string? ErrorCode => ErrorPattern().Match(StdErr) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>Throws with the whole output unless the command succeeded; returns the JSON.</summary>
    public JsonNode EnsureSuccess()
    {
        if (!Succeeded)
        {
            throw new InvalidOperationException($"`{Command}` failed:\n{this}");
        }

        return Json ?? new JsonObject();
    }

    public override string ToString() => $"`{Command}` exit {ExitCode}\n--- stdout ---\n{StdOut}\n--- stderr ---\n{StdErr}";

    private static JsonNode? Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"An error occurred \(([^)]+)\)")]
    private static partial Regex ErrorPattern();
}
