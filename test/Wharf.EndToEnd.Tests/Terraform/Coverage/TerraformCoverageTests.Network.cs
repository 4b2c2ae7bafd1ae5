using System.Text.Json.Nodes;

namespace Wharf.EndToEnd.Tests.Terraform.Coverage;

/// <summary>
/// <c>network.tf</c>: the awsvpc task definition and the one with secrets and private registry
/// credentials, as ECS registers them, and a task of the latter refused at placement because no
/// instance offers the capabilities it needs.
/// </summary>
public sealed partial class TerraformCoverageTests
{
    private async Task AssertNetworkAndSecretsAsync(string name)
    {
        var awsvpc = (await wharf.Aws.EcsOkAsync("describe-task-definition", "--task-definition", $"{name}-awsvpc"))["taskDefinition"]!;
        Assert.Equal("awsvpc", Text(awsvpc["networkMode"]));
        Assert.Equal(["EC2"], awsvpc["compatibilities"]!.AsArray().Select(Text));
        Assert.Contains("ecs.capability.task-eni", RequiredAttributeNames(awsvpc));

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

    private static HashSet<string> RequiredAttributeNames(JsonNode definition) =>
        definition["requiresAttributes"]!.AsArray().Select(a => Text(a!["name"])).ToHashSet(StringComparer.Ordinal);
}
