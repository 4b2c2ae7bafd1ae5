using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Wharf.EndToEnd.Tests.Infrastructure;

namespace Wharf.EndToEnd.Tests.Terraform.Coverage;

/// <summary>
/// A second Terraform configuration, written the way a team's own ECS module is (this folder's
/// <c>*.tf</c>), for the parts of issue 8's scope the example stack leaves out: capacity
/// providers, <c>aws_ecs_tag</c>, a task definition with many container fields, an awsvpc one run by
/// a service with network_configuration behind an ip target group, one with secrets and registry
/// credentials (registered, not run), a Fargate one run by a service on the capacity provider
/// cluster through a FARGATE / FARGATE_SPOT strategy (no container instance there), a service with
/// placement, circuit breaker, tag propagation and triggers in the cluster <c>wharf up</c>'s agent
/// joins, a target group attachment, listener rules with every condition and the fixed-response,
/// redirect and weighted forward actions, a Cloud Map instance, step scaling driven by an alarm,
/// a scheduled action, an alarm alone, and every data source of the scope. Applied with one
/// resource AWS refuses (a rule priority in use), corrected, re-planned for drift, changed in place
/// (variable <c>generation</c> = 2), re-planned, imported back by each resource's documented import
/// id, and destroyed.
/// </summary>
[Trait("Category", "EndToEnd")]
[Trait("Area", "Terraform")]
public sealed partial class TerraformCoverageTests(TerraformFixture wharf, ITestOutputHelper output) : IClassFixture<TerraformFixture>
{
    private static readonly string Source = Path.Combine("test", "Wharf.EndToEnd.Tests", "Terraform", "Coverage");

    /// <summary>Resource types hashicorp/aws 5.100.0 cannot import ("doesn't support import").</summary>
    private static readonly HashSet<string> NotImportable =
        new(["aws_lb_target_group_attachment", "aws_appautoscaling_scheduled_action"], StringComparer.Ordinal);

    /// <summary>What generation 2 of the configuration changes in place (one resource of each type it can).</summary>
    private static readonly string[] UpdatedInPlace =
    [
        "aws_ecs_cluster.extra", "aws_ecs_cluster_capacity_providers.extra", "aws_ecs_tag.default_owner", "aws_ecs_service.app",
        "aws_ecs_service.fargate",
        "aws_cloudwatch_log_group.app", "aws_lb.this", "aws_lb_target_group.blue", "aws_lb_target_group.green", "aws_lb_listener.http",
        "aws_lb_listener_rule.weighted", "aws_lb_listener_rule.redirect", "aws_lb_listener_rule.fixed",
        "aws_service_discovery_service.db", "aws_service_discovery_instance.db", "aws_appautoscaling_target.app",
        "aws_appautoscaling_policy.step_out", "aws_appautoscaling_scheduled_action.nightly",
        "aws_cloudwatch_metric_alarm.cpu_high", "aws_cloudwatch_metric_alarm.unhealthy_hosts",
    ];

    [TerraformFact]
    public async Task CoverageStack_RefusedResourceCorrected_NoDriftImportDestroy()
    {
        var name = "tc" + Random.Shared.Next(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        var listenerPort = FreePorts.Tcp();
        using var tf = new TerraformWorkspace(Source, TerraformWorkspace.ConfigurationFiles(Source), new Dictionary<string, string>
        {
            ["wharf_endpoint"] = wharf.Endpoint.ToString().TrimEnd('/'),
            ["name"] = name,
            ["listener_port"] = listenerPort.ToString(CultureInfo.InvariantCulture),
        }, output);
        try
        {
            await tf.MustAsync("init", "-input=false", "-no-color");

            // A rule whose priority the weighted rule already holds: ELBv2 refuses it, the rest of
            // the stack is created, and the corrected rule is added by the next apply alone.
            tf.Write("clash.tf", ClashRule(priority: 10));
            var refused = await tf.RunAsync("apply", "-auto-approve", "-input=false", "-no-color");
            Assert.False(refused.Succeeded, $"the apply with a rule priority in use should fail:\n{refused}");
            Assert.Contains("aws_lb_listener_rule.clash", refused.StdErr, StringComparison.Ordinal);
            Assert.Contains("PriorityInUse", refused.StdErr, StringComparison.Ordinal);
            Assert.Contains("Priority '10' is currently in use", refused.StdErr, StringComparison.Ordinal);
            var created = await ManagedAsync(tf);
            Assert.DoesNotContain(created, r => r.Address == "aws_lb_listener_rule.clash");
            Assert.Equal(29, created.Count);

            tf.Write("clash.tf", ClashRule(priority: 5));
            var corrected = await tf.MustAsync("apply", "-auto-approve", "-input=false", "-no-color");
            Assert.Contains("Resources: 1 added, 0 changed, 0 destroyed", corrected.StdOut, StringComparison.Ordinal);
            await AssertAppliedAsync(name, listenerPort, corrected.StdOut);

            await tf.AssertNoDriftAsync("right after the corrected apply");

            // Generation 2 changes, on every resource type the provider updates in place, fields
            // it updates in place; nothing may be replaced, and the plan after it must be empty.
            tf.Write("generation.auto.tfvars", "generation = 2\n");
            var updated = await tf.MustAsync("apply", "-auto-approve", "-input=false", "-no-color");
            Assert.Contains($"Resources: 0 added, {UpdatedInPlace.Length} changed, 0 destroyed", updated.StdOut, StringComparison.Ordinal);
            var modified = updated.StdOut.Split('\n').Where(l => l.Contains(": Modifications complete", StringComparison.Ordinal))
                .Select(l => l[..l.IndexOf(':', StringComparison.Ordinal)]).Order(StringComparer.Ordinal);
            Assert.Equal(UpdatedInPlace.Order(StringComparer.Ordinal), modified);
            await AssertUpdatedAsync(name, listenerPort);
            await tf.AssertNoDriftAsync("after the in-place update");

            await ImportEverythingAsync(tf);
            await tf.AssertNoDriftAsync("after removing the resources from the state and importing them back");

            await tf.MustAsync("destroy", "-auto-approve", "-input=false", "-no-color");
            await AssertNothingLeftAsync(name, listenerPort);
        }
        catch
        {
            output.WriteLine(wharf.Describe());
            throw;
        }
    }

    private static string ClashRule(int priority) => $$"""
        resource "aws_lb_listener_rule" "clash" {
          listener_arn = aws_lb_listener.http.arn
          priority     = {{priority}}

          action {
            type = "fixed-response"

            fixed_response {
              content_type = "text/plain"
              message_body = "clash"
              status_code  = "409"
            }
          }

          condition {
            path_pattern {
              values = ["/clash*"]
            }
          }

          depends_on = [aws_lb_listener_rule.weighted]
        }
        """;

    /// <summary>
    /// Removes every importable resource from the state and imports it back by the id the
    /// provider documents for its type. The service's plan then updates only what DescribeServices
    /// cannot tell (<c>triggers</c>, <c>force_new_deployment</c>, <c>wait_for_steady_state</c>,
    /// and the task definition as an ARN where import reads family:revision), the same on AWS, for
    /// each of the three services;
    /// the apply after the import settles that, the next one writes back the plain forward action of
    /// the /vpc rule that import reads in its long form, and nothing else may change.
    /// </summary>
    private static async Task ImportEverythingAsync(TerraformWorkspace tf)
    {
        var managed = (await ManagedAsync(tf)).Where(r => !NotImportable.Contains(r.Type)).ToList();
        var imports = new StringBuilder();
        foreach (var resource in managed)
        {
            imports.Append(CultureInfo.InvariantCulture, $"import {{\n  to = {resource.Address}\n  id = \"{ImportId(resource.Type, resource.Values)}\"\n}}\n\n");
        }

        await tf.MustAsync(["state", "rm", .. managed.Select(r => r.Address)]);
        tf.Write("imports.tf", imports.ToString());
        var imported = await tf.MustAsync("apply", "-auto-approve", "-input=false", "-no-color");
        tf.Remove("imports.tf");
        Assert.Contains($"Resources: {managed.Count} imported, 0 added", imported.StdOut, StringComparison.Ordinal);
        Assert.Contains(", 0 destroyed", imported.StdOut, StringComparison.Ordinal);
        var modified = imported.StdOut.Split('\n').Where(l => l.Contains("Modifications complete", StringComparison.Ordinal)).ToList();
        Assert.All(modified, l => Assert.Matches("^aws_ecs_service\\.(app|vpc|fargate):", l));

        // The /vpc rule's plain forward action comes back from import in its long form (the provider
        // does so against AWS too, hashicorp/terraform-provider-aws#37211): the next apply's no-op
        // ModifyRule writes target_group_arn back, and nothing else may change.
        var settled = await tf.MustAsync("apply", "-auto-approve", "-input=false", "-no-color");
        Assert.Contains("0 added", settled.StdOut, StringComparison.Ordinal);
        Assert.Contains(", 0 destroyed", settled.StdOut, StringComparison.Ordinal);
        Assert.All(settled.StdOut.Split('\n').Where(l => l.Contains("Modifications complete", StringComparison.Ordinal)),
            l => Assert.StartsWith("aws_lb_listener_rule.vpc:", l, StringComparison.Ordinal));
    }

    private static async Task<List<(string Address, string Type, JsonNode Values)>> ManagedAsync(TerraformWorkspace tf)
    {
        // state pull needs no provider (show -json would start it once more).
        var state = JsonNode.Parse((await tf.MustAsync("state", "pull")).StdOut)!;
        return state["resources"]!.AsArray().Where(r => Text(r!["mode"]) == "managed")
            .SelectMany(r => r!["instances"]!.AsArray().Select(i => (Address: $"{Text(r["type"])}.{Text(r["name"])}", Type: Text(r["type"]), Values: i!["attributes"]!)))
            .ToList();
    }

    private static string ImportId(string type, JsonNode values) =>
        type switch
        {
            "aws_ecs_cluster" => Text(values["name"]),
            "aws_ecs_cluster_capacity_providers" => Text(values["cluster_name"]),
            "aws_ecs_tag" => $"{Text(values["resource_arn"])},{Text(values["key"])}",
            "aws_ecs_service" => $"{Text(values["cluster"]).Split('/')[^1]}/{Text(values["name"])}",
            "aws_service_discovery_private_dns_namespace" => $"{Text(values["id"])}:{Text(values["vpc"])}",
            "aws_service_discovery_service" => Text(values["id"]),
            "aws_service_discovery_instance" => $"{Text(values["service_id"])}/{Text(values["instance_id"])}",
            "aws_appautoscaling_target" => $"{Text(values["service_namespace"])}/{Text(values["resource_id"])}/{Text(values["scalable_dimension"])}",
            "aws_appautoscaling_policy" =>
                $"{Text(values["service_namespace"])}/{Text(values["resource_id"])}/{Text(values["scalable_dimension"])}/{Text(values["name"])}",
            "aws_cloudwatch_metric_alarm" => Text(values["alarm_name"]),
            "aws_cloudwatch_log_group" => Text(values["name"]),
            _ => Text(values["arn"]),
        };

    private async Task<JsonNode> RunOkAsync(params string[] args) => (await wharf.Aws.RunAsync(args)).EnsureSuccess();

    private static string Text(JsonNode? node) => node?.GetValue<string>() ?? "";
}
