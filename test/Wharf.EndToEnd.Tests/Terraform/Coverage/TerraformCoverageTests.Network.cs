using System.Text.Json.Nodes;
using Wharf.EndToEnd.Tests.Infrastructure;

namespace Wharf.EndToEnd.Tests.Terraform.Coverage;

/// <summary>
/// <c>network.tf</c>: the awsvpc task definition and the one with secrets and private registry
/// credentials, as ECS registers them; the awsvpc service's task with its own interface in a
/// default subnet, registered by address in the ip target group and reached through the listener;
/// and a task of the secrets definition refused at placement because no instance offers the
/// capabilities it needs.
/// </summary>
public sealed partial class TerraformCoverageTests
{
    private async Task AssertNetworkAndSecretsAsync(string name, int listenerPort)
    {
        var awsvpc = (await wharf.Aws.EcsOkAsync("describe-task-definition", "--task-definition", $"{name}-awsvpc"))["taskDefinition"]!;
        Assert.Equal("awsvpc", Text(awsvpc["networkMode"]));
        Assert.Equal(["EC2"], awsvpc["compatibilities"]!.AsArray().Select(Text));
        Assert.Contains("ecs.capability.task-eni", RequiredAttributeNames(awsvpc));

        // The awsvpc service's task: its interface's address is the ip target, reached by path.
        var service = (await wharf.Aws.EcsOkAsync("describe-services", "--cluster", "default", "--services", $"{name}-vpc"))["services"]![0]!;
        var vpcConfiguration = service["networkConfiguration"]!["awsvpcConfiguration"]!;
        Assert.Equal("DISABLED", Text(vpcConfiguration["assignPublicIp"]));
        Assert.Single(vpcConfiguration["securityGroups"]!.AsArray());
        var taskArn = Assert.Single(Arns(await wharf.Aws.EcsOkAsync("list-tasks", "--cluster", "default", "--service-name", $"{name}-vpc")));
        var task = (await wharf.Aws.EcsOkAsync("describe-tasks", "--cluster", "default", "--tasks", taskArn))["tasks"]![0]!;
        var eni = task["attachments"]!.AsArray().Single(a => Text(a!["type"]) == "ElasticNetworkInterface")!;
        var address = Text(eni["details"]!.AsArray().Single(d => Text(d!["name"]) == "privateIPv4Address")!["value"]);
        Assert.Contains(Text(eni["details"]!.AsArray().Single(d => Text(d!["name"]) == "subnetId")!["value"]),
            vpcConfiguration["subnets"]!.AsArray().Select(Text));
        var group = Text((await RunOkAsync("elbv2", "describe-target-groups", "--names", $"{name}-vpc"))["TargetGroups"]![0]!["TargetGroupArn"]);
        await Poll.UntilAsync("the awsvpc task's address to be the healthy ip target",
            async () => (await RunOkAsync("elbv2", "describe-target-health", "--target-group-arn", group))["TargetHealthDescriptions"]!.AsArray()
                .Select(h => $"{Text(h!["Target"]!["Id"])}:{(int)h["Target"]!["Port"]!} {Text(h["TargetHealth"]!["State"])}").ToList(),
            t => t.SequenceEqual([$"{address}:80 healthy"]), Settle, t => string.Join(", ", t));
        var page = await Poll.UntilAsync("the /vpc rule to reach the awsvpc task", () => CurlAsync($"http://127.0.0.1:{listenerPort}/vpc"),
            r => r.Status == 200, Settle, r => r.ToString());
        Assert.Contains("IMAGE_VERSION=", page.Body, StringComparison.Ordinal);

        var secrets = (await wharf.Aws.EcsOkAsync("describe-task-definition", "--task-definition", $"{name}-secrets"))["taskDefinition"]!;
        var app = secrets["containerDefinitions"]![0]!;
        Assert.Equal(["API_KEY", "DB_PASSWORD"], app["secrets"]!.AsArray().Select(s => Text(s!["name"])).Order(StringComparer.Ordinal));
        Assert.EndsWith($":secret:{name}/registry-XyZ123", Text(app["repositoryCredentials"]!["credentialsParameter"]), StringComparison.Ordinal);
        Assert.EndsWith($":role/{name}-execution", Text(secrets["executionRoleArn"]), StringComparison.Ordinal);
        Assert.Superset(
            new HashSet<string>(
            [
                "ecs.capability.secrets.ssm.environment-variables",
                "ecs.capability.secrets.asm.environment-variables",
                "com.amazonaws.ecs.capability.private-registry-authentication.secretsmanager",
            ], StringComparer.Ordinal),
            RequiredAttributeNames(secrets));

        // Wharf has no Parameter Store or Secrets Manager to read them from: its agent does not offer
        // those capabilities, so the task is refused at placement, as ECS refuses it on an instance
        // whose agent lacks them (failure reason ATTRIBUTE, with the instance's ARN).
        var run = await wharf.Aws.EcsOkAsync("run-task", "--cluster", "default", "--task-definition", Text(secrets["taskDefinitionArn"]), "--launch-type", "EC2");
        Assert.Empty(run["tasks"]!.AsArray());
        var failure = Assert.Single(run["failures"]!.AsArray())!;
        Assert.Equal("ATTRIBUTE", Text(failure["reason"]));
        Assert.Contains(":container-instance/default/", Text(failure["arn"]), StringComparison.Ordinal);
    }

    private static List<string> Arns(JsonNode list) => [.. list["taskArns"]!.AsArray().Select(Text)];

    private static HashSet<string> RequiredAttributeNames(JsonNode definition) =>
        definition["requiresAttributes"]!.AsArray().Select(a => Text(a!["name"])).ToHashSet(StringComparer.Ordinal);
}
