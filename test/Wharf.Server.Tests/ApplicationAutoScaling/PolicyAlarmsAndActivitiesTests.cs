using Wharf.Protocol.Generated.ApplicationAutoScaling;
using Xunit;
using CloudWatchWire = Wharf.Protocol.Generated.CloudWatch;
using Task = System.Threading.Tasks.Task;

namespace Wharf.Server.Tests.ApplicationAutoScaling;

/// <summary>
/// DescribeScalingPolicies' Alarms for step policies (the CloudWatch alarms naming the policy in
/// their AlarmActions), those actions removed with the policy, and not scaled activities shown
/// with IncludeNotScaledActivities.
/// </summary>
public sealed class PolicyAlarmsAndActivitiesTests
{
    private readonly ScalingTestBed bed = new();

    private async Task<string> StepPolicyAsync(string name)
    {
        var put = await bed.PutPolicy.HandleAsync(
            new PutScalingPolicyRequest
            {
                PolicyName = name, ServiceNamespace = "ecs", ResourceId = "service/c/s", ScalableDimension = "ecs:service:DesiredCount",
                PolicyType = "StepScaling",
                StepScalingPolicyConfiguration = new StepScalingPolicyConfiguration
                {
                    AdjustmentType = "ChangeInCapacity",
                    StepAdjustments = [new() { MetricIntervalLowerBound = 0, ScalingAdjustment = 1 }],
                },
            },
            ScalingTestBed.Context,
            default);
        return put.PolicyARN!;
    }

    private ValueTask PutAlarmAsync(string name, params string[] actions) =>
        bed.Alarms.PutAsync(
            new CloudWatchWire.PutMetricAlarmInput
            {
                AlarmName = name, Namespace = "Wharf/Test", MetricName = "QueueDepth", Statistic = "Maximum", Period = 60,
                EvaluationPeriods = 1, Threshold = 100, ComparisonOperator = "GreaterThanThreshold", AlarmActions = [.. actions],
            },
            default);

    [Fact]
    public async Task DescribeScalingPolicies_StepPolicy_ListsTheAlarmsWhoseActionsNameIt()
    {
        await bed.AddServiceAsync("c", "s", 1);
        await bed.RegisterAsync("c", "s", 1, 5);
        var up = await StepPolicyAsync("up");
        var down = await StepPolicyAsync("down");
        await PutAlarmAsync("queue-deep", up, "arn:aws:sns:us-east-1:000000000000:ops");
        await PutAlarmAsync("queue-deeper", up);
        await PutAlarmAsync("queue-empty", down);
        await PutAlarmAsync("unrelated", "arn:aws:sns:us-east-1:000000000000:ops");
        var tracking = await bed.PutCpuPolicyAsync("c", "s", 50);

        var policies = (await bed.DescribePolicies.HandleAsync(
            new DescribeScalingPoliciesRequest { ServiceNamespace = "ecs", ResourceId = "service/c/s" }, ScalingTestBed.Context, default)).ScalingPolicies!;

        var byName = policies.ToDictionary(p => p.PolicyName!, p => p.Alarms!.Select(a => (a.AlarmName, a.AlarmARN)).ToList());
        Assert.Equal(
            [("queue-deep", "arn:aws:cloudwatch:us-east-1:000000000000:alarm:queue-deep"), ("queue-deeper", "arn:aws:cloudwatch:us-east-1:000000000000:alarm:queue-deeper")],
            byName["up"]);
        Assert.Equal([("queue-empty", "arn:aws:cloudwatch:us-east-1:000000000000:alarm:queue-empty")], byName["down"]);
        Assert.Equal(tracking.Alarms!.Select(a => a.AlarmName).Order(), byName["cpu"].Select(a => a.AlarmName).Order());
    }

    [Fact]
    public async Task DescribeScalingPolicies_StepPolicyWithoutAlarms_ListsNone()
    {
        await bed.AddServiceAsync("c", "s", 1);
        await bed.RegisterAsync("c", "s", 1, 5);
        await StepPolicyAsync("idle");

        var policy = Assert.Single((await bed.DescribePolicies.HandleAsync(
            new DescribeScalingPoliciesRequest { ServiceNamespace = "ecs" }, ScalingTestBed.Context, default)).ScalingPolicies!);

        Assert.Empty(policy.Alarms!);
    }

    [Fact]
    public async Task AlarmAtMaxCapacity_RecordsOneNotScaledActivity_ShownOnlyWhenAskedFor()
    {
        await bed.AddServiceAsync("c", "s", 3);
        await bed.RegisterAsync("c", "s", 1, 3);
        var policy = await bed.PutCpuPolicyAsync("c", "s", 50);
        var high = policy.Alarms!.Single(a => a.AlarmName!.Contains("AlarmHigh", StringComparison.Ordinal)).AlarmName!;
        bed.Metrics.Set("c", "s", "CPUUtilization", 100);

        await bed.FireAsync(high, policy.PolicyARN!);
        bed.Time.Advance(TimeSpan.FromSeconds(10));
        await bed.FireAsync(high, policy.PolicyARN!); // the alarm stays in ALARM: not recorded twice

        Assert.Empty(await bed.ActivitiesAsync());
        var notScaled = Assert.Single(await bed.ActivitiesAsync(includeNotScaled: true));
        Assert.Equal("Failed", notScaled.StatusCode);
        Assert.Equal($"monitor alarm {high} in state ALARM triggered policy cpu", notScaled.Cause);
        var reason = Assert.Single(notScaled.NotScaledReasons!);
        Assert.Equal(("AlreadyAtMaxCapacity", 3, (int?)null, 3), (reason.Code, reason.MaxCapacity, reason.MinCapacity, reason.CurrentCapacity));
        Assert.Equal(3, (await bed.ServiceAsync("c", "s")).DesiredCount);
    }

    [Fact]
    public async Task AlarmAtMinCapacity_RecordsAlreadyAtMinCapacity_AgainAfterAScaling()
    {
        await bed.AddServiceAsync("c", "s", 1);
        await bed.RegisterAsync("c", "s", 1, 4);
        var policy = await bed.PutCpuPolicyAsync("c", "s", 50, outCooldown: 10, inCooldown: 10);
        var high = policy.Alarms!.Single(a => a.AlarmName!.Contains("AlarmHigh", StringComparison.Ordinal)).AlarmName!;
        var low = policy.Alarms!.Single(a => a.AlarmName!.Contains("AlarmLow", StringComparison.Ordinal)).AlarmName!;
        bed.Metrics.Set("c", "s", "CPUUtilization", 10);

        await bed.FireAsync(low, policy.PolicyARN!);
        bed.Metrics.Set("c", "s", "CPUUtilization", 100);
        bed.Time.Advance(TimeSpan.FromSeconds(1)); // activities at one instant have no order
        await bed.FireAsync(high, policy.PolicyARN!); // 1 -> 2
        bed.Metrics.Set("c", "s", "CPUUtilization", 10);
        bed.Time.Advance(TimeSpan.FromSeconds(11));
        await bed.FireAsync(low, policy.PolicyARN!); // 2 -> 1
        bed.Time.Advance(TimeSpan.FromSeconds(11));
        await bed.FireAsync(low, policy.PolicyARN!);

        var all = await bed.ActivitiesAsync(includeNotScaled: true);
        Assert.Equal(
            new string?[] { "AlreadyAtMinCapacity", null, null, "AlreadyAtMinCapacity" },
            all.Select(a => a.NotScaledReasons?.Single().Code).Reverse());
        var atMin = all[0].NotScaledReasons!.Single();
        Assert.Equal((1, (int?)null, 1), (atMin.MinCapacity!.Value, atMin.MaxCapacity, atMin.CurrentCapacity!.Value));
        Assert.Equal(2, (await bed.ActivitiesAsync()).Count);
    }

    [Fact]
    public async Task DeleteStepPolicy_TakesItOutOfItsAlarmsActions_AlarmsStay()
    {
        await bed.AddServiceAsync("c", "s", 1);
        await bed.RegisterAsync("c", "s", 1, 5);
        var up = await StepPolicyAsync("up");
        var down = await StepPolicyAsync("down");
        const string topic = "arn:aws:sns:us-east-1:000000000000:ops";
        await PutAlarmAsync("queue-deep", up, topic);
        await PutAlarmAsync("queue-empty", down);

        await bed.DeletePolicy.HandleAsync(
            new DeleteScalingPolicyRequest { PolicyName = "up", ServiceNamespace = "ecs", ResourceId = "service/c/s", ScalableDimension = "ecs:service:DesiredCount" },
            ScalingTestBed.Context,
            default);

        Assert.Equal([topic], bed.Alarms.Alarms["queue-deep"].AlarmActions!);
        Assert.Equal([down], bed.Alarms.Alarms["queue-empty"].AlarmActions!);

        await bed.Deregister.HandleAsync(
            new DeregisterScalableTargetRequest { ServiceNamespace = "ecs", ResourceId = "service/c/s", ScalableDimension = "ecs:service:DesiredCount" },
            ScalingTestBed.Context,
            default);

        Assert.Empty(bed.Alarms.Alarms["queue-empty"].AlarmActions!);
        Assert.Equal([topic], bed.Alarms.Alarms["queue-deep"].AlarmActions!);
    }
}
