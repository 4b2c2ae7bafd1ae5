using System.Text.Json.Nodes;
using Wharf.EndToEnd.Tests.Infrastructure;

namespace Wharf.EndToEnd.Tests.Discovery;

/// <summary><c>aws servicediscovery</c> calls the discovery tests share.</summary>
internal static class DiscoveryCli
{
    /// <summary>Runs <c>aws servicediscovery &lt;args&gt;</c> and returns its JSON; throws with the output when it fails.</summary>
    public static async Task<JsonNode> OkAsync(AwsCli aws, params string[] args)
    {
        // DiscoverInstances goes to a data- host prefix; a local endpoint has none.
        var result = await aws.RunAsync(["servicediscovery", .. args], new Dictionary<string, string?> { ["AWS_DISABLE_HOST_PREFIX_INJECTION"] = "true" });
        return result.Succeeded ? result.Json ?? new JsonObject() : throw new InvalidOperationException(result.ToString());
    }

    /// <summary>Creates a private DNS namespace and returns its id once its operation succeeded.</summary>
    public static async Task<string> CreatePrivateNamespaceAsync(AwsCli aws, string name)
    {
        var created = await OkAsync(aws, "create-private-dns-namespace", "--name", name, "--vpc", "vpc-local");
        var operation = await Poll.UntilAsync($"namespace {name} to be created",
            async () => (await OkAsync(aws, "get-operation", "--operation-id", created["OperationId"]!.GetValue<string>()))["Operation"]!,
            o => o["Status"]!.GetValue<string>() is "SUCCESS" or "FAIL", TimeSpan.FromSeconds(30), o => o.ToJsonString());
        Assert.Equal("SUCCESS", operation["Status"]!.GetValue<string>());
        return operation["Targets"]!["NAMESPACE"]!.GetValue<string>();
    }
}
