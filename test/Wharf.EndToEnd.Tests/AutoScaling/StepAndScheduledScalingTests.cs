using System.Globalization;
using System.Text.Json.Nodes;
using Wharf.EndToEnd.Tests.Infrastructure;

namespace Wharf.EndToEnd.Tests.AutoScaling;

/// <summary>
/// Step scaling driven by a user's CloudWatch alarm on a custom metric fed with put-metric-data,
/// a scheduled action raising the minimum capacity, tags on the scalable target, and bad input
/// answered with Application Auto Scaling's errors — all through the AWS CLI.
/// </summary>
[Trait("Category", "EndToEnd")]
[Trait("Area", "AutoScaling")]
public sealed class StepAndScheduledScalingTests(ScalingFixture wharf, ITestOutputHelper output)
    : WharfTest(wharf, output), IClassFixture<ScalingFixture>
{
    private const string Idle = """
        {"family": "idle", "containerDefinitions": [{"name": "app", "image": "wharf/busybox:1.0", "essential": true,
          "cpu": 16, "memory": 32, "command": ["sleep", "3600"]}]}
        """;

    // Breach 0-50 over the threshold adds one task, 50 and more adds two; the long cooldown keeps
    // the repeated ALARM evaluations from adding more.
    private const string StepPolicy = """
        {"AdjustmentType": "ChangeInCapacity", "Cooldown": 600, "MetricAggregationType": "Maximum",
         "StepAdjustments": [{"MetricIntervalLowerBound": 0, "MetricIntervalUpperBound": 50, "ScalingAdjustment": 1},
                             {"MetricIntervalLowerBound": 50, "ScalingAdjustment": 2}]}
        """;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    private async Task ServiceAsync(string name)
    {
        await Aws.EcsOkAsync("register-task-definition", "--cli-input-json", Idle);
        await Aws.EcsOkAsync("create-service", "--service-name", name, "--task-definition", "idle", "--desired-count", "1");
    }

    private Task<JsonNode> RegisterAsync(string name, int min, int max) =>
        Aws.OkAsync("register-scalable-target", "--service-namespace", "ecs", "--scalable-dimension", ScalingCli.Dimension,
            "--resource-id", $"service/default/{name}", "--min-capacity", min.ToString(CultureInfo.InvariantCulture),
            "--max-capacity", max.ToString(CultureInfo.InvariantCulture));

    [Fact]
    public Task StepPolicy_CustomMetricAlarm_AddsTheStepForTheBreach() => Scenario(async () =>
    {
        await ServiceAsync("worker");
        await RegisterAsync("worker", 1, 5);
        var policyArn = (await Aws.OkAsync("put-scaling-policy", "--service-namespace", "ecs", "--scalable-dimension", ScalingCli.Dimension,
            "--resource-id", "service/default/worker", "--policy-name", "queue-step", "--policy-type", "StepScaling",
            "--step-scaling-policy-configuration", StepPolicy))["PolicyARN"]!.GetValue<string>();
        Assert.Contains(":scalingPolicy:", policyArn, StringComparison.Ordinal);

        (await Aws.RunAsync("cloudwatch", "put-metric-alarm", "--alarm-name", "queue-deep", "--namespace", "Wharf/Test",
            "--metric-name", "QueueDepth", "--dimensions", "Name=Queue,Value=jobs", "--statistic", "Maximum", "--period", "10",
            "--evaluation-periods", "1", "--threshold", "100", "--comparison-operator", "GreaterThanThreshold",
            "--alarm-actions", policyArn)).EnsureSuccess();

        // 180 is 80 over the threshold: the second step, +2.
        await Poll.UntilAsync(
            "worker scaled to 3 by the step policy",
            async () =>
            {
                (await Aws.RunAsync("cloudwatch", "put-metric-data", "--namespace", "Wharf/Test", "--metric-name", "QueueDepth",
                    "--dimensions", "Queue=jobs", "--value", "180")).EnsureSuccess();
                return await Aws.DesiredCountAsync("worker");
            },
            d => d >= 3,
            Timeout);

        var activities = await Aws.ActivitiesAsync("worker");
        Output.WriteLine(ScalingCli.Describe(activities));
        var step = activities[0]!;
        Assert.Equal("Setting desired count to 3.", step["Description"]!.GetValue<string>());
        Assert.Equal("monitor alarm queue-deep in state ALARM triggered policy queue-step", step["Cause"]!.GetValue<string>());
        Assert.Equal(3, await Aws.DesiredCountAsync("worker"));

        var policies = (await Aws.OkAsync("describe-scaling-policies", "--service-namespace", "ecs", "--resource-id", "service/default/worker"))["ScalingPolicies"]!.AsArray();
        var described = Assert.Single(policies)!;
        Assert.Equal("StepScaling", described["PolicyType"]!.GetValue<string>());
        // A step policy lists the alarms whose actions name it.
        var alarm = Assert.Single(described["Alarms"]!.AsArray())!;
        Assert.Equal("queue-deep", alarm["AlarmName"]!.GetValue<string>());
        Assert.EndsWith(":alarm:queue-deep", alarm["AlarmARN"]!.GetValue<string>(), StringComparison.Ordinal);

        // Deleting the policy takes it out of the alarm's actions; the user's alarm stays.
        await Aws.OkAsync("delete-scaling-policy", "--service-namespace", "ecs", "--scalable-dimension", ScalingCli.Dimension,
            "--resource-id", "service/default/worker", "--policy-name", "queue-step");
        var left = Assert.Single((await Aws.RunAsync("cloudwatch", "describe-alarms", "--alarm-names", "queue-deep")).EnsureSuccess()["MetricAlarms"]!.AsArray())!;
        Assert.Empty(left["AlarmActions"]?.AsArray() ?? []);
        await Aws.EcsAsync("delete-service", "--service", "worker", "--force");
    });

    [Fact]
    public Task ScheduledAction_RaisesMinCapacity_AtItsTime() => Scenario(async () =>
    {
        await ServiceAsync("nightly");
        var targetArn = (await RegisterAsync("nightly", 1, 4))["ScalableTargetARN"]!.GetValue<string>();
        var at = DateTime.UtcNow.AddSeconds(15).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        await Aws.OkAsync("put-scheduled-action", "--service-namespace", "ecs", "--scalable-dimension", ScalingCli.Dimension,
            "--resource-id", "service/default/nightly", "--scheduled-action-name", "warm-up", "--schedule", $"at({at})",
            "--scalable-target-action", "MinCapacity=2,MaxCapacity=4");
        // A weekday cron in Paris time, at an hour about half a day away: a fixed 18:00 would run during the
        // test when CI happens to cross it, setting the minimum back to 1 under the warm-up's assertions.
        var evening = (DateTime.UtcNow.Hour + 12) % 24;
        await Aws.OkAsync("put-scheduled-action", "--service-namespace", "ecs", "--scalable-dimension", ScalingCli.Dimension,
            "--resource-id", "service/default/nightly", "--scheduled-action-name", "weekday-evening",
            "--schedule", $"cron(0 {evening.ToString(CultureInfo.InvariantCulture)} ? * MON-FRI *)",
            "--timezone", "Europe/Paris", "--scalable-target-action", "MinCapacity=1");
        var listed = (await Aws.OkAsync("describe-scheduled-actions", "--service-namespace", "ecs", "--resource-id", "service/default/nightly"))["ScheduledActions"]!.AsArray();
        Assert.Equal(["warm-up", "weekday-evening"], listed.Select(a => a!["ScheduledActionName"]!.GetValue<string>()));
        Assert.Equal("Europe/Paris", listed[1]!["Timezone"]!.GetValue<string>());

        await Poll.UntilAsync("nightly raised to 2 by the scheduled action", () => Aws.DesiredCountAsync("nightly"), d => d == 2, Timeout);
        var target = (await Aws.OkAsync("describe-scalable-targets", "--service-namespace", "ecs", "--resource-ids", "service/default/nightly"))["ScalableTargets"]![0]!;
        Assert.Equal(2, target["MinCapacity"]!.GetValue<int>());
        var activities = await Aws.ActivitiesAsync("nightly");
        Output.WriteLine(ScalingCli.Describe(activities));
        Assert.Equal("minimum capacity was set to 2", activities[0]!["Cause"]!.GetValue<string>());
        Assert.Contains(activities, a => a!["Cause"]!.GetValue<string>() == "scheduled action name warm-up was triggered"
            && a["Description"]!.GetValue<string>() == "Setting min capacity to 2 and max capacity to 4");

        await Aws.OkAsync("tag-resource", "--resource-arn", targetArn, "--tags", "team=platform");
        Assert.Equal("platform", (await Aws.OkAsync("list-tags-for-resource", "--resource-arn", targetArn))["Tags"]!["team"]!.GetValue<string>());

        await Aws.OkAsync("delete-scheduled-action", "--service-namespace", "ecs", "--scalable-dimension", ScalingCli.Dimension,
            "--resource-id", "service/default/nightly", "--scheduled-action-name", "weekday-evening");
        await Aws.OkAsync("deregister-scalable-target", "--service-namespace", "ecs", "--scalable-dimension", ScalingCli.Dimension,
            "--resource-id", "service/default/nightly");
        Assert.DoesNotContain((await Aws.OkAsync("describe-scheduled-actions", "--service-namespace", "ecs"))["ScheduledActions"]!.AsArray(),
            a => a!["ResourceId"]!.GetValue<string>() == "service/default/nightly");
        await Aws.EcsAsync("delete-service", "--service", "nightly", "--force");
    });

    [Fact]
    public Task BadInput_AwsErrors_NothingChanged() => Scenario(async () =>
    {
        var missing = await Aws.ScalingAsync("register-scalable-target", "--service-namespace", "ecs", "--scalable-dimension", ScalingCli.Dimension,
            "--resource-id", "service/default/ghost", "--min-capacity", "1", "--max-capacity", "2");
        Assert.False(missing.Succeeded);
        Assert.Equal("ValidationException", missing.ErrorCode);
        Assert.Contains("ECS service doesn't exist: service/default/ghost", missing.StdErr, StringComparison.Ordinal);

        var unregistered = await Aws.ScalingAsync("put-scaling-policy", "--service-namespace", "ecs", "--scalable-dimension", ScalingCli.Dimension,
            "--resource-id", "service/default/ghost", "--policy-name", "p", "--policy-type", "StepScaling",
            "--step-scaling-policy-configuration", StepPolicy);
        Assert.Equal("ObjectNotFoundException", unregistered.ErrorCode);

        await ServiceAsync("strict");
        var inverted = await Aws.ScalingAsync("register-scalable-target", "--service-namespace", "ecs", "--scalable-dimension", ScalingCli.Dimension,
            "--resource-id", "service/default/strict", "--min-capacity", "5", "--max-capacity", "2");
        Assert.Equal("ValidationException", inverted.ErrorCode);
        await RegisterAsync("strict", 1, 2);
        var badCron = await Aws.ScalingAsync("put-scheduled-action", "--service-namespace", "ecs", "--scalable-dimension", ScalingCli.Dimension,
            "--resource-id", "service/default/strict", "--scheduled-action-name", "bad", "--schedule", "cron(0 18 * * MON *)");
        Assert.Equal("ValidationException", badCron.ErrorCode);

        Assert.Empty((await Aws.OkAsync("describe-scheduled-actions", "--service-namespace", "ecs", "--resource-id", "service/default/strict"))["ScheduledActions"]!.AsArray());
        Assert.DoesNotContain((await Aws.OkAsync("describe-scalable-targets", "--service-namespace", "ecs"))["ScalableTargets"]!.AsArray(),
            t => t!["ResourceId"]!.GetValue<string>() == "service/default/ghost");
        Assert.Equal(1, await Aws.DesiredCountAsync("strict"));
        await Aws.EcsAsync("delete-service", "--service", "strict", "--force");
    });
}
