using System.Globalization;
using System.Text.Json.Nodes;
using Wharf.EndToEnd.Tests.Infrastructure;

namespace Wharf.EndToEnd.Tests.Services;

/// <summary>
/// Rolling updates of a 3-task service watched every ~250 ms (<see cref="RolloutSampler"/>): with
/// minimumHealthyPercent/maximumPercent 100/200, 0/100 and 50/150 the service never has fewer
/// healthy tasks than ⌈min% × 3 / 100⌉ nor more RUNNING or PENDING ones than ⌊max% × 3 / 100⌋
/// (the rounding the ECS API reference gives), update-service answers with the new PRIMARY
/// deployment IN_PROGRESS beside the old ACTIVE one, and <c>aws ecs wait services-stable</c> returns.
/// </summary>
[Trait("Category", "EndToEnd")]
[Trait("Area", "Services")]
public sealed class RollingUpdateBoundsTests(WharfFixture wharf, ITestOutputHelper output)
    : WharfTest(wharf, output), IClassFixture<WharfFixture>
{
    private const int Desired = 3;
    private static readonly TimeSpan RolloutLimit = TimeSpan.FromMinutes(4);

    private static string Definition(string image, string version) => $$"""
        {"family": "bounds-web", "containerDefinitions": [{"name": "web", "image": "{{image}}", "essential": true,
          "memory": 16, "environment": [{"name": "ROLLOUT", "value": "{{version}}"}],
          "portMappings": [{"containerPort": 80, "hostPort": 0}]}]}
        """;

    [Fact]
    public Task RollingUpdate_ThreeDeploymentConfigurations_BoundsNeverViolated() => Scenario(async () =>
    {
        await Aws.EcsOkAsync("register-task-definition", "--cli-input-json", Definition("wharf/web:1.0", "1"));
        await Aws.EcsOkAsync("register-task-definition", "--cli-input-json", Definition("wharf/web:2.0", "2"));
        await Aws.EcsOkAsync("register-task-definition", "--cli-input-json", Definition("wharf/web:1.0", "3"));
        await Aws.EcsOkAsync("register-task-definition", "--cli-input-json", Definition("wharf/web:2.0", "4"));
        await Aws.EcsOkAsync(
            "create-service", "--service-name", "bounds", "--task-definition", "bounds-web:1",
            "--desired-count", Desired.ToString(CultureInfo.InvariantCulture),
            "--deployment-configuration", "minimumHealthyPercent=100,maximumPercent=200");
        var initial = await RolloutSampler.StartAsync(Aws, "bounds", "bounds-web:1", RolloutLimit);
        await initial.FinishAsync();

        await RollOutAsync(revision: 2, minimum: 100, maximum: 200, healthyFloor: 3, totalCeiling: 6);
        await RollOutAsync(revision: 3, minimum: 0, maximum: 100, healthyFloor: 0, totalCeiling: 3);
        await RollOutAsync(revision: 4, minimum: 50, maximum: 150, healthyFloor: 2, totalCeiling: 4);

        await Aws.EcsOkAsync("delete-service", "--service", "bounds", "--force");
    });

    private async Task RollOutAsync(int revision, int minimum, int maximum, int healthyFloor, int totalCeiling)
    {
        // The floors and ceilings are written out in the calls above; check they are ECS's rounding.
        Assert.Equal((int)Math.Ceiling(minimum * Desired / 100.0), healthyFloor);
        Assert.Equal((int)Math.Floor(maximum * Desired / 100.0), totalCeiling);

        var target = "bounds-web:" + revision.ToString(CultureInfo.InvariantCulture);
        var sampler = await RolloutSampler.StartAsync(Aws, "bounds", target, RolloutLimit);
        var updated = (await Aws.EcsOkAsync(
            "update-service", "--service", "bounds", "--task-definition", target,
            "--deployment-configuration", $"minimumHealthyPercent={minimum},maximumPercent={maximum}"))["service"]!;
        var stable = Aws.EcsAsync("wait", "services-stable", "--services", "bounds");

        var deployments = updated["deployments"]!.AsArray();
        Assert.Equal(2, deployments.Count);
        Assert.Equal("PRIMARY", EcsTasks.Str(deployments[0], "status"));
        Assert.Equal("IN_PROGRESS", EcsTasks.Str(deployments[0], "rolloutState"));
        Assert.EndsWith(target, EcsTasks.Str(deployments[0], "taskDefinition"), StringComparison.Ordinal);
        Assert.Equal("ACTIVE", EcsTasks.Str(deployments[1], "status"));
        Assert.NotNull(EcsTasks.Str(deployments[1], "rolloutState"));
        Assert.Equal(minimum, updated["deploymentConfiguration"]!["minimumHealthyPercent"]!.GetValue<int>());
        Assert.Equal(maximum, updated["deploymentConfiguration"]!["maximumPercent"]!.GetValue<int>());

        var samples = await sampler.FinishAsync();
        Output.WriteLine($"{target} ({minimum}/{maximum}): {samples.Count} samples, healthy {samples.Min(Healthy)}..{samples.Max(Healthy)}, total {samples.Min(Total)}..{samples.Max(Total)}");
        Assert.All(samples, s =>
        {
            Assert.True(Healthy(s) >= healthyFloor, $"{Healthy(s)} healthy tasks < {healthyFloor} ({minimum}% of {Desired}): {s.ToJsonString()}");
            Assert.True(Total(s) <= totalCeiling, $"{Total(s)} RUNNING or PENDING tasks > {totalCeiling} ({maximum}% of {Desired}): {s.ToJsonString()}");
        });
        Output.WriteLine(string.Join(" -> ", Phases(samples)));

        var waited = await stable;
        Assert.True(waited.Succeeded, waited.ToString());
        var service = (await Aws.EcsOkAsync("describe-services", "--services", "bounds"))["services"]![0]!;
        var primary = Assert.Single(service["deployments"]!.AsArray())!;
        Assert.Equal("PRIMARY", EcsTasks.Str(primary, "status"));
        Assert.Equal("COMPLETED", EcsTasks.Str(primary, "rolloutState"));
        Assert.Contains(service["events"]!.AsArray(), e => EcsTasks.Str(e, "message") == "(service bounds) has reached a steady state.");
    }

    /// <summary>The deployments as the samples saw them, consecutive repeats folded (for the test output).</summary>
    private static IEnumerable<string> Phases(IEnumerable<JsonNode> samples)
    {
        string? last = null;
        foreach (var phase in samples.Select(s => string.Join(", ", s["deployments"]!.AsArray().Select(d => d!.ToJsonString())) + $" {s["tasks"]!.ToJsonString()}"))
        {
            if (phase != last)
            {
                yield return phase;
            }

            last = phase;
        }
    }

    private static int Healthy(JsonNode sample) => sample["healthy"]!.GetValue<int>();

    private static int Total(JsonNode sample) => sample["total"]!.GetValue<int>();
}
