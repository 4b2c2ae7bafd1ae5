using System.Text.Json.Nodes;
using Wharf.EndToEnd.Tests.Infrastructure;

namespace Wharf.EndToEnd.Tests.AutoScaling;

/// <summary>
/// Target tracking on real CPU: a service whose container burns far more CPU than its small
/// reservation scales out from 1 to its max of 3 under an ECSServiceAverageCPUUtilization policy
/// with target 50; once it is updated to an idle command it scales back in to 1 after the
/// cooldown, and describe-scaling-activities shows each step with its alarm as the cause.
/// </summary>
[Trait("Category", "EndToEnd")]
[Trait("Area", "AutoScaling")]
public sealed class TargetTrackingTests(ScalingFixture wharf, ITestOutputHelper output)
    : WharfTest(wharf, output), IClassFixture<ScalingFixture>
{
    // 16 CPU units reserved: a loop that runs a tenth of the time already uses ~100 units (600 %),
    // so the load is unmistakable without taking a whole core of a shared machine.
    private const string Burner = """
        {"family": "burst", "containerDefinitions": [{"name": "app", "image": "wharf/busybox:1.0", "essential": true,
          "cpu": 16, "memory": 32,
          "command": ["sh", "-c", "while :; do i=0; while [ $i -lt 3000 ]; do i=$((i+1)); done; sleep 0.5; done"]}]}
        """;

    private const string Idle = """
        {"family": "burst", "containerDefinitions": [{"name": "app", "image": "wharf/busybox:1.0", "essential": true,
          "cpu": 16, "memory": 32, "command": ["sleep", "3600"]}]}
        """;

    private const string Policy = """
        {"TargetValue": 50.0, "PredefinedMetricSpecification": {"PredefinedMetricType": "ECSServiceAverageCPUUtilization"},
         "ScaleOutCooldown": 15, "ScaleInCooldown": 15}
        """;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(150);

    [Fact]
    public Task CpuLoad_ScalesOutToMax_ThenInAfterLoadStops() => Scenario(async () =>
    {
        await Aws.EcsOkAsync("register-task-definition", "--cli-input-json", Burner);
        await Aws.EcsOkAsync("create-service", "--service-name", "burst", "--task-definition", "burst:1", "--desired-count", "1");
        try
        {
            await Aws.OkAsync("register-scalable-target", "--service-namespace", "ecs", "--scalable-dimension", ScalingCli.Dimension,
                "--resource-id", "service/default/burst", "--min-capacity", "1", "--max-capacity", "3");
            var put = await Aws.OkAsync("put-scaling-policy", "--service-namespace", "ecs", "--scalable-dimension", ScalingCli.Dimension,
                "--resource-id", "service/default/burst", "--policy-name", "cpu50", "--policy-type", "TargetTrackingScaling",
                "--target-tracking-scaling-policy-configuration", Policy);
            var alarms = put["Alarms"]!.AsArray().Select(a => a!["AlarmName"]!.GetValue<string>()).ToList();
            var high = Assert.Single(alarms, a => a.StartsWith("TargetTracking-service/default/burst-AlarmHigh-", StringComparison.Ordinal));
            var low = Assert.Single(alarms, a => a.StartsWith("TargetTracking-service/default/burst-AlarmLow-", StringComparison.Ordinal));

            // The alarms are real CloudWatch alarms on the service's CPU.
            var described = (await Aws.RunAsync("cloudwatch", "describe-alarms", "--alarm-names", high, low)).EnsureSuccess()["MetricAlarms"]!.AsArray();
            Assert.Equal(2, described.Count);
            Assert.All(described, a => Assert.Equal("CPUUtilization", a!["MetricName"]!.GetValue<string>()));
            Assert.Contains(described, a => a!["Threshold"]!.GetValue<double>() == 45.0 && a["ComparisonOperator"]!.GetValue<string>() == "LessThanThreshold");

            await Poll.UntilAsync("burst scaled out to 3", () => Aws.DesiredCountAsync("burst"), d => d == 3, Timeout);
            var outActivities = await Aws.ActivitiesAsync("burst");
            Output.WriteLine(ScalingCli.Describe(outActivities));
            var scaleOut = outActivities.First(a => a!["Description"]!.GetValue<string>() == "Setting desired count to 3.")!;
            Assert.Equal($"monitor alarm {high} in state ALARM triggered policy cpu50", scaleOut["Cause"]!.GetValue<string>());
            Assert.Equal("Successful", scaleOut["StatusCode"]!.GetValue<string>());
            await Poll.UntilAsync(
                "3 running tasks",
                async () => (await Aws.EcsOkAsync("describe-services", "--services", "burst"))["services"]![0]!["runningCount"]!.GetValue<int>(),
                r => r == 3,
                Timeout);

            // The load stops: the idle revision replaces the burning tasks, and the service scales in.
            await Aws.EcsOkAsync("register-task-definition", "--cli-input-json", Idle);
            await Aws.EcsOkAsync("update-service", "--service", "burst", "--task-definition", "burst:2");
            await Poll.UntilAsync("burst scaled in to 1", () => Aws.DesiredCountAsync("burst"), d => d == 1, Timeout);
            var inActivities = await Aws.ActivitiesAsync("burst");
            Output.WriteLine(ScalingCli.Describe(inActivities));
            var scaleIn = inActivities[0]!;
            Assert.Equal("Setting desired count to 1.", scaleIn["Description"]!.GetValue<string>());
            Assert.Equal($"monitor alarm {low} in state ALARM triggered policy cpu50", scaleIn["Cause"]!.GetValue<string>());

            // Deleting the policy deletes its alarms.
            await Aws.OkAsync("delete-scaling-policy", "--service-namespace", "ecs", "--scalable-dimension", ScalingCli.Dimension,
                "--resource-id", "service/default/burst", "--policy-name", "cpu50");
            var left = (await Aws.RunAsync("cloudwatch", "describe-alarms", "--alarm-names", high, low)).EnsureSuccess()["MetricAlarms"]!.AsArray();
            Assert.Empty(left);
        }
        finally
        {
            await Aws.EcsAsync("delete-service", "--service", "burst", "--force");
        }
    });
}
