using Wharf.Protocol.Generated.ApplicationAutoScaling;
using Xunit;
using Task = System.Threading.Tasks.Task;

namespace Wharf.Server.Tests.ApplicationAutoScaling;

public sealed class PolicyExecutionTests
{
    private readonly ScalingTestBed bed = new();

    private async Task<(string High, string Low, string Arn)> TrackingAsync(int desired, int min, int max, int outCooldown = 60, int inCooldown = 120)
    {
        await bed.AddServiceAsync("c", "s", desired);
        await bed.RegisterAsync("c", "s", min, max);
        var policy = await bed.PutCpuPolicyAsync("c", "s", 50, outCooldown, inCooldown);
        return (policy.Alarms!.Single(a => a.AlarmName!.Contains("AlarmHigh", StringComparison.Ordinal)).AlarmName!,
            policy.Alarms!.Single(a => a.AlarmName!.Contains("AlarmLow", StringComparison.Ordinal)).AlarmName!,
            policy.PolicyARN!);
    }

    [Fact]
    public async Task HighAlarm_ScalesOutProportionally_RecordsCause()
    {
        var (high, _, arn) = await TrackingAsync(desired: 2, min: 1, max: 6);
        bed.Metrics.Set("c", "s", "CPUUtilization", 80);

        await bed.FireAsync(high, arn);

        Assert.Equal(4, (await bed.ServiceAsync("c", "s")).DesiredCount);
        var activity = (await bed.ActivitiesAsync())[0];
        Assert.Equal("Setting desired count to 4.", activity.Description);
        Assert.Equal($"monitor alarm {high} in state ALARM triggered policy cpu", activity.Cause);
        Assert.Equal("Successfully set desired count to 4. Change successfully fulfilled by ecs.", activity.StatusMessage);
    }

    [Fact]
    public async Task HighAlarm_RepeatedWithinCooldown_DoesNotPileUp_ThenScalesAgainAfterIt()
    {
        var (high, _, arn) = await TrackingAsync(desired: 1, min: 1, max: 6, outCooldown: 60);
        bed.Metrics.Set("c", "s", "CPUUtilization", 100);

        await bed.FireAsync(high, arn);
        Assert.Equal(2, (await bed.ServiceAsync("c", "s")).DesiredCount);

        bed.Time.Advance(TimeSpan.FromSeconds(20));
        await bed.FireAsync(high, arn); // still 100 %: the task added is counted, nothing more
        Assert.Equal(2, (await bed.ServiceAsync("c", "s")).DesiredCount);

        bed.Time.Advance(TimeSpan.FromSeconds(41));
        await bed.FireAsync(high, arn);
        Assert.Equal(4, (await bed.ServiceAsync("c", "s")).DesiredCount);
        Assert.Equal(2, (await bed.ActivitiesAsync()).Count);
    }

    [Fact]
    public async Task LowAlarm_WaitsForTheCooldowns_ThenScalesIn_NeverBelowMin()
    {
        var (high, low, arn) = await TrackingAsync(desired: 2, min: 1, max: 6, outCooldown: 60, inCooldown: 120);
        bed.Metrics.Set("c", "s", "CPUUtilization", 100);
        await bed.FireAsync(high, arn);
        Assert.Equal(4, (await bed.ServiceAsync("c", "s")).DesiredCount);

        bed.Metrics.Set("c", "s", "CPUUtilization", 20);
        bed.Time.Advance(TimeSpan.FromSeconds(30));
        await bed.FireAsync(low, arn);
        Assert.Equal(4, (await bed.ServiceAsync("c", "s")).DesiredCount); // the scale-out cooldown holds it

        bed.Time.Advance(TimeSpan.FromSeconds(31));
        await bed.FireAsync(low, arn);
        Assert.Equal(1, (await bed.ServiceAsync("c", "s")).DesiredCount); // 4 x 20 / 50 = 1.6 -> 1

        Assert.Equal($"monitor alarm {low} in state ALARM triggered policy cpu", (await bed.ActivitiesAsync())[0].Cause);
    }

    [Fact]
    public async Task Alarm_NotInAlarmState_OrUnknownPolicy_DoesNothing()
    {
        var (high, _, arn) = await TrackingAsync(desired: 2, min: 1, max: 6);
        bed.Metrics.Set("c", "s", "CPUUtilization", 100);

        await bed.AlarmHandler.InvokeAsync(new(high, bed.Names.AlarmArn(high), arn, "OK", "ALARM", "back to normal", bed.Time.GetUtcNow()), default);
        await bed.FireAsync(high, arn.Replace("policyName/cpu", "policyName/gone", StringComparison.Ordinal));

        Assert.Equal(2, (await bed.ServiceAsync("c", "s")).DesiredCount);
        Assert.False(bed.AlarmHandler.Handles("arn:aws:sns:us-east-1:000000000000:topic"));
        Assert.True(bed.AlarmHandler.Handles(arn));
    }

    [Fact]
    public async Task HighAlarm_NoMetricData_DoesNotScale()
    {
        var (high, _, arn) = await TrackingAsync(desired: 2, min: 1, max: 6);
        await bed.FireAsync(high, arn, "Threshold Crossed: no datapoints were received");
        Assert.Equal(2, (await bed.ServiceAsync("c", "s")).DesiredCount);
    }

    [Fact]
    public async Task StepPolicy_BreachFromAlarmDatapoints_PicksStepAndHonoursCooldown()
    {
        await bed.AddServiceAsync("c", "s", 2);
        await bed.RegisterAsync("c", "s", 1, 10);
        var policy = await bed.PutPolicy.HandleAsync(
            new PutScalingPolicyRequest
            {
                PolicyName = "queue", ServiceNamespace = "ecs", ResourceId = "service/c/s", ScalableDimension = "ecs:service:DesiredCount",
                PolicyType = "StepScaling",
                StepScalingPolicyConfiguration = new StepScalingPolicyConfiguration
                {
                    AdjustmentType = "ChangeInCapacity",
                    Cooldown = 60,
                    MetricAggregationType = "Maximum",
                    StepAdjustments =
                    [
                        new() { MetricIntervalLowerBound = 0, MetricIntervalUpperBound = 50, ScalingAdjustment = 1 },
                        new() { MetricIntervalLowerBound = 50, ScalingAdjustment = 3 },
                    ],
                },
            },
            ScalingTestBed.Context,
            default);
        Assert.Empty(policy.Alarms!);
        const string reason = "Threshold Crossed: 2 out of the last 2 datapoints [180.0 (01/03/26 12:00:00), 120.0 (01/03/26 11:59:00)] "
            + "was greater than the threshold (100.0) (minimum 2 datapoints for OK -> ALARM transition).";

        await bed.FireAsync("queue-deep", policy.PolicyARN!, reason);
        Assert.Equal(5, (await bed.ServiceAsync("c", "s")).DesiredCount); // max 180 - 100 = 80 -> +3

        bed.Time.Advance(TimeSpan.FromSeconds(10));
        await bed.FireAsync("queue-deep", policy.PolicyARN!, reason);
        Assert.Equal(5, (await bed.ServiceAsync("c", "s")).DesiredCount); // 2 + 3 = 5 already there

        bed.Time.Advance(TimeSpan.FromSeconds(60));
        await bed.FireAsync("queue-deep", policy.PolicyARN!, "Threshold Crossed: 1 datapoint [110.5 (01/03/26 12:01:00)] was greater than the threshold (100.0).");
        Assert.Equal(6, (await bed.ServiceAsync("c", "s")).DesiredCount); // breach 10.5 -> +1
        Assert.Equal("monitor alarm queue-deep in state ALARM triggered policy queue", (await bed.ActivitiesAsync())[0].Cause);
    }

    [Fact]
    public async Task HighAlarm_ReadsTheMetricOverWholePeriods_NotThePeriodUnderWay()
    {
        var (high, _, arn) = await TrackingAsync(desired: 2, min: 1, max: 6);
        bed.Metrics.Set("c", "s", "CPUUtilization", 80);
        bed.Time.Advance(TimeSpan.FromSeconds(37));

        await bed.FireAsync(high, arn);

        var (start, end) = bed.Metrics.LastRange!.Value;
        Assert.Equal(ScalingTestBed.Start, end); // 12:00:37 -> the period that ended at 12:00:00
        Assert.Equal(ScalingTestBed.Start - TimeSpan.FromMinutes(3), start);
        Assert.Equal(4, (await bed.ServiceAsync("c", "s")).DesiredCount);
    }
}
