using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Wharf.EndToEnd.Tests.Infrastructure;

namespace Wharf.EndToEnd.Tests.Terraform;

/// <summary>
/// Terraform's hashicorp/aws provider (from the machine's local mirror) against <c>wharf up</c>, on
/// the whole of <c>examples/terraform/</c> (issue 8, "What a user does"): the services <c>auth</c>
/// and <c>random</c> behind the load balancer, <c>redis</c> in Cloud Map, the CPU target-tracking
/// policy and the awslogs log group, on a container instance of the stack's own cluster
/// (<c>wharf agent --cluster NAME</c>, started before the cluster exists). Applied and checked
/// through the listener and Wharf's DNS server, re-planned for drift, rolled to a new image within
/// the deployment bounds, re-planned, removed from the state and imported back, re-planned, and
/// destroyed while the container instance leaves the cluster, with nothing of the stack left.
/// </summary>
[Trait("Category", "EndToEnd")]
[Trait("Area", "Terraform")]
public sealed partial class TerraformStackTests(TerraformFixture wharf, ITestOutputHelper output) : IClassFixture<TerraformFixture>
{
    private const string Namespace = "internal-bookingapp.com";
    private const string RolledImage = "wharf/web:2.0";

    /// <summary>The services of services.tf and their desired counts.</summary>
    private static readonly Dictionary<string, int> Services = new(StringComparer.Ordinal) { ["auth"] = 2, ["random"] = 4, ["redis"] = 1 };

    /// <summary>Resources of examples/terraform/: 11 (cluster, task definitions, balancer, Cloud Map) + 3 services + 2 scaling + 1 log group.</summary>
    private const int ManagedResources = 17;

    [TerraformFact]
    public async Task ExampleStack_ApplyRollImportDestroy_NoDriftAndNothingLeft()
    {
        var name = "tf" + Random.Shared.Next(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        var listenerPort = FreePorts.Tcp();
        var folder = Path.Combine("examples", "terraform");
        using var tf = new TerraformWorkspace(folder, TerraformWorkspace.ConfigurationFiles(folder), new Dictionary<string, string>
        {
            ["wharf_endpoint"] = wharf.Endpoint.ToString().TrimEnd('/'),
            ["name"] = name,
            ["listener_port"] = listenerPort.ToString(CultureInfo.InvariantCulture),
            ["namespace"] = Namespace,
        }, output);
        try
        {
            // The stack's container instance: started before Terraform creates its cluster, it is
            // refused (ClusterNotFoundException, as the ECS agent is) and joins once the cluster exists.
            var agent = wharf.StartAgent(name);

            await tf.MustAsync("init", "-input=false", "-no-color");
            await tf.MustAsync("apply", "-auto-approve", "-input=false", "-no-color");
            await AssertAppliedAsync(name, listenerPort);
            await tf.AssertNoDriftAsync("right after the apply");

            await RollAsync(tf, name, listenerPort);
            await tf.AssertNoDriftAsync("after rolling the services to a new image");

            await ImportEverythingAsync(tf);
            await tf.AssertNoDriftAsync("after removing every resource from the state and importing it back");

            await DestroyAsync(tf, name, agent);
            await AssertNothingLeftAsync(name, listenerPort);
        }
        catch
        {
            output.WriteLine(wharf.DescribeAll());
            throw;
        }
    }

    /// <summary>
    /// Writes <c>web_image = wharf/web:2.0</c> (an auto.tfvars file, so every later command sees it)
    /// and applies: each task definition gets a new revision and each service rolls to it. While the
    /// apply runs, <c>random</c> (4 tasks, minimum healthy 50 %, maximum 200 %) is sampled: never
    /// more than 8 tasks starting or running, never fewer than 2 healthy targets.
    /// </summary>
    private async Task RollAsync(TerraformWorkspace tf, string name, int listenerPort)
    {
        tf.Write("roll.auto.tfvars", $"web_image = \"{RolledImage}\"\n");
        using var stop = new CancellationTokenSource();
        var watch = WatchRollAsync(name, "random", stop.Token);
        try
        {
            await tf.MustAsync("apply", "-auto-approve", "-input=false", "-no-color");
        }
        finally
        {
            await stop.CancelAsync();
        }

        var samples = await watch;
        output.WriteLine($"random during the roll: {string.Join(' ', samples)}");
        Assert.NotEmpty(samples);
        Assert.All(samples, s => Assert.True(s.Live <= 8, $"{s}: maximumPercent 200 of 4 allows 8 tasks starting or running"));
        Assert.All(samples, s => Assert.True(s.Healthy >= 2, $"{s}: minimumHealthyPercent 50 of 4 needs 2 healthy targets"));

        await AssertRolledAsync(name, listenerPort);
    }

    /// <summary>
    /// Removes every managed resource from the state, imports each back by the id the provider
    /// documents for it (import blocks), and applies. Two rewrites of the provider's own follow, the
    /// same against AWS: a listener's or rule's plain forward action is read back in its long form
    /// (a no-op ModifyListener / ModifyRule; hashicorp/terraform-provider-aws#37211), and an
    /// imported service gets <c>task_definition</c> as family:revision instead of the ARN and no
    /// <c>wait_for_steady_state</c> (a no-op UpdateService; hashicorp/terraform-provider-aws#42731).
    /// Nothing else may change.
    /// </summary>
    private static async Task ImportEverythingAsync(TerraformWorkspace tf)
    {
        // state pull needs no provider (show -json would start it once more).
        var state = JsonNode.Parse((await tf.MustAsync("state", "pull")).StdOut)!;
        var managed = state["resources"]!.AsArray().Where(r => Text(r!["mode"]) == "managed")
            .SelectMany(r => r!["instances"]!.AsArray().Select(i => (Address: Address(r, i!), Type: Text(r["type"]), Values: i!["attributes"]!)))
            .ToList();
        Assert.Equal(ManagedResources, managed.Count);
        var imports = new StringBuilder();
        foreach (var resource in managed)
        {
            imports.Append(CultureInfo.InvariantCulture, $"import {{\n  to = {resource.Address}\n  id = \"{ImportId(resource.Type, resource.Values)}\"\n}}\n\n");
        }

        await tf.MustAsync(["state", "rm", .. managed.Select(r => r.Address)]);
        tf.Write("imports.tf", imports.ToString());
        var imported = await tf.MustAsync("apply", "-auto-approve", "-input=false", "-no-color");
        Assert.Contains($"{ManagedResources} imported, 0 added", imported.StdOut, StringComparison.Ordinal);
        AssertOnlyProviderImportRewrites(imported.StdOut);
        tf.Remove("imports.tf");

        var settled = await tf.MustAsync("apply", "-auto-approve", "-input=false", "-no-color");
        Assert.Contains("0 added", settled.StdOut, StringComparison.Ordinal);
        Assert.Contains(", 0 destroyed", settled.StdOut, StringComparison.Ordinal);
        AssertOnlyProviderImportRewrites(settled.StdOut);
    }

    /// <summary>The in-place updates of an apply after an import touch only what the provider itself rewrites (see above).</summary>
    private static void AssertOnlyProviderImportRewrites(string applyOutput)
    {
        var modified = applyOutput.Split('\n').Where(l => l.Contains("Modifications complete", StringComparison.Ordinal)).ToList();
        Assert.All(modified, l => Assert.True(
            l.StartsWith("aws_lb_listener", StringComparison.Ordinal) || l.StartsWith("aws_ecs_service.", StringComparison.Ordinal),
            $"only listeners, rules and services may be rewritten after an import, not: {l}"));

        foreach (Match block in ServiceUpdate().Matches(applyOutput))
        {
            var attributes = AttributeChange().Matches(block.Groups["body"].Value).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);
            Assert.True(attributes.IsSubsetOf(["task_definition", "wait_for_steady_state"]),
                $"an imported service may only get task_definition and wait_for_steady_state rewritten, not: {block.Value}");
        }
    }

    private static string Address(JsonNode resource, JsonNode instance) =>
        $"{Text(resource["type"])}.{Text(resource["name"])}" + (instance["index_key"] is { } key ? $"[\"{Text(key)}\"]" : "");

    /// <summary>The import id of each resource type, as the provider's documentation gives it.</summary>
    private static string ImportId(string type, JsonNode values) =>
        type switch
        {
            "aws_ecs_cluster" => Text(values["name"]),
            "aws_ecs_service" => $"{ClusterName(Text(values["cluster"]))}/{Text(values["name"])}",
            "aws_service_discovery_private_dns_namespace" => $"{Text(values["id"])}:{Text(values["vpc"])}",
            "aws_service_discovery_service" => Text(values["id"]),
            "aws_appautoscaling_target" =>
                $"{Text(values["service_namespace"])}/{Text(values["resource_id"])}/{Text(values["scalable_dimension"])}",
            "aws_appautoscaling_policy" =>
                $"{Text(values["service_namespace"])}/{Text(values["resource_id"])}/{Text(values["scalable_dimension"])}/{Text(values["name"])}",
            "aws_cloudwatch_log_group" => Text(values["name"]),
            _ => Text(values["arn"]),
        };

    /// <summary>A cluster's name from its ARN (or the name itself).</summary>
    private static string ClusterName(string clusterArnOrName) => clusterArnOrName[(clusterArnOrName.LastIndexOf('/') + 1)..];

    /// <summary>
    /// <c>terraform destroy</c> as a user with the stack's own container instance runs it: the
    /// services go first (the provider waits until they are INACTIVE, their tasks stopped); the
    /// cluster's DeleteCluster is then refused with ClusterContainsContainerInstancesException, which
    /// the provider retries, until the user stops the agent and deregisters its instance.
    /// </summary>
    private async Task DestroyAsync(TerraformWorkspace tf, string name, WharfProcess agent)
    {
        var destroy = tf.MustAsync("destroy", "-auto-approve", "-input=false", "-no-color");
        await Poll.UntilAsync("the stack's services to be deleted and their tasks stopped (or destroy to end)",
            async () => destroy.IsCompleted ? "destroy ended" : await ServicesAndTasksLeftAsync(name),
            left => left is "" or "destroy ended", TimeSpan.FromMinutes(10), left => left);

        Assert.True(await agent.InterruptAsync(TimeSpan.FromSeconds(30)), "wharf agent did not stop on Ctrl-C");
        var instances = await wharf.Aws.EcsOkAsync("list-container-instances", "--cluster", name);
        foreach (var instance in instances["containerInstanceArns"]!.AsArray())
        {
            await wharf.Aws.EcsOkAsync("deregister-container-instance", "--cluster", name, "--container-instance", Text(instance));
        }

        var destroyed = await destroy;
        Assert.Contains($"Destroy complete! Resources: {ManagedResources} destroyed.", destroyed.StdOut, StringComparison.Ordinal);
    }

    /// <summary>What is left of the stack's services and tasks, "" when nothing.</summary>
    private async Task<string> ServicesAndTasksLeftAsync(string cluster)
    {
        var services = await wharf.Aws.EcsAsync("list-services", "--cluster", cluster);
        if (!services.Succeeded)
        {
            return services.ToString();
        }

        var left = new StringBuilder();
        foreach (var service in services.EnsureSuccess()["serviceArns"]!.AsArray())
        {
            left.AppendLine(CultureInfo.InvariantCulture, $"service {Text(service)}");
        }

        var arns = EcsTasks.Arns(await wharf.Aws.EcsOkAsync("list-tasks", "--cluster", cluster, "--desired-status", "STOPPED"))
            .Concat(EcsTasks.Arns(await wharf.Aws.EcsOkAsync("list-tasks", "--cluster", cluster)))
            .Distinct(StringComparer.Ordinal).ToList();
        foreach (var chunk in arns.Chunk(100))
        {
            foreach (var task in await EcsTasks.DescribeAsync(wharf.Aws, cluster, chunk))
            {
                if (EcsTasks.Str(task, "lastStatus") != "STOPPED")
                {
                    left.AppendLine(CultureInfo.InvariantCulture, $"task {EcsTasks.Str(task, "taskArn")} {EcsTasks.Str(task, "lastStatus")}");
                }
            }
        }

        return left.ToString();
    }

    private async Task<JsonNode> ElbAsync(params string[] args) => (await wharf.Aws.RunAsync(["elbv2", .. args])).EnsureSuccess();

    private static string Text(JsonNode? node) => node?.GetValue<string>() ?? "";

    /// <summary>One <c>aws_ecs_service</c>'s in-place update in a plan, up to the next resource or the plan's summary.</summary>
    [GeneratedRegex(@"# aws_ecs_service\.\S+ will be updated in-place\n(?<body>.*?)(?=\n\s*# |\nPlan:)", RegexOptions.Singleline)]
    private static partial Regex ServiceUpdate();

    /// <summary>An attribute (or block) a plan changes, adds or removes: <c>~ name =</c>, <c>+ name {</c>.</summary>
    [GeneratedRegex(@"^\s+[~+-] (?<name>[a-z_]+)\s*[={]", RegexOptions.Multiline)]
    private static partial Regex AttributeChange();
}
