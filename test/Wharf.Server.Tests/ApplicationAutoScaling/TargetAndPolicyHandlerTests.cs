using Wharf.Protocol.Generated.ApplicationAutoScaling;
using Xunit;
using Task = System.Threading.Tasks.Task;

namespace Wharf.Server.Tests.ApplicationAutoScaling;

public sealed class TargetAndPolicyHandlerTests
{
    private readonly ScalingTestBed bed = new();

    [Fact]
    public async Task RegisterScalableTarget_ServiceMissing_ValidationExceptionAndNothingStored()
    {
        var error = await ScalingTestBed.FailsAsync(() => bed.RegisterAsync("c", "nope", 1, 3));

        Assert.Equal("ValidationException", error.Code);
        Assert.Equal("ECS service doesn't exist: service/c/nope", error.Message);
        Assert.Empty((await bed.DescribeTargets.HandleAsync(new DescribeScalableTargetsRequest { ServiceNamespace = "ecs" }, ScalingTestBed.Context, default)).ScalableTargets!);
    }

    [Theory]
    [InlineData("ecs", "service/c", "ecs:service:DesiredCount")]
    [InlineData("ecs", "cluster/c/s", "ecs:service:DesiredCount")]
    [InlineData("ecs", "service/c/s", "dynamodb:table:ReadCapacityUnits")]
    [InlineData("dynamodb", "service/c/s", "ecs:service:DesiredCount")]
    public async Task RegisterScalableTarget_BadResource_ValidationException(string ns, string resourceId, string dimension)
    {
        await bed.AddServiceAsync("c", "s", 1);
        var error = await ScalingTestBed.FailsAsync(async () => await bed.Register.HandleAsync(
            new RegisterScalableTargetRequest { ServiceNamespace = ns, ResourceId = resourceId, ScalableDimension = dimension, MinCapacity = 1, MaxCapacity = 2 },
            ScalingTestBed.Context,
            default));
        Assert.Equal("ValidationException", error.Code);
    }

    [Fact]
    public async Task RegisterScalableTarget_MinAboveMaxOrMissingBounds_ValidationException()
    {
        await bed.AddServiceAsync("c", "s", 1);
        Assert.Equal("ValidationException", (await ScalingTestBed.FailsAsync(() => bed.RegisterAsync("c", "s", 4, 2))).Code);
        var missing = await ScalingTestBed.FailsAsync(async () => await bed.Register.HandleAsync(
            new RegisterScalableTargetRequest { ServiceNamespace = "ecs", ResourceId = "service/c/s", ScalableDimension = "ecs:service:DesiredCount", MinCapacity = 1 },
            ScalingTestBed.Context,
            default));
        Assert.Equal("ValidationException", missing.Code);
    }

    [Fact]
    public async Task RegisterScalableTarget_DesiredBelowMin_ClampedWithActivity()
    {
        await bed.AddServiceAsync("c", "s", 1);

        var arn = await bed.RegisterAsync("c", "s", 2, 5);

        Assert.StartsWith("arn:aws:application-autoscaling:us-east-1:000000000000:scalable-target/", arn, StringComparison.Ordinal);
        var service = await bed.ServiceAsync("c", "s");
        Assert.Equal(2, service.DesiredCount);
        Assert.Equal(2, service.Primary.DesiredCount);
        var activity = Assert.Single(await bed.ActivitiesAsync());
        Assert.Equal("Setting desired count to 2.", activity.Description);
        Assert.Equal("minimum capacity was set to 2", activity.Cause);
        Assert.Equal("Successful", activity.StatusCode);
    }

    [Fact]
    public async Task RegisterScalableTarget_Again_UpdatesOnlyWhatIsGivenAndClampsToMax()
    {
        await bed.AddServiceAsync("c", "s", 4);
        var arn = await bed.RegisterAsync("c", "s", 1, 6);

        var again = await bed.Register.HandleAsync(
            new RegisterScalableTargetRequest
            {
                ServiceNamespace = "ecs", ResourceId = "service/c/s", ScalableDimension = "ecs:service:DesiredCount", MaxCapacity = 3,
                SuspendedState = new SuspendedState { DynamicScalingInSuspended = true },
            },
            ScalingTestBed.Context,
            default);

        Assert.Equal(arn, again.ScalableTargetARN);
        var target = Assert.Single((await bed.DescribeTargets.HandleAsync(new DescribeScalableTargetsRequest { ServiceNamespace = "ecs" }, ScalingTestBed.Context, default)).ScalableTargets!);
        Assert.Equal((1, 3), (target.MinCapacity, target.MaxCapacity));
        Assert.True(target.SuspendedState!.DynamicScalingInSuspended);
        Assert.False(target.SuspendedState.DynamicScalingOutSuspended);
        Assert.Equal(3, (await bed.ServiceAsync("c", "s")).DesiredCount);
        Assert.Equal("maximum capacity was set to 3", (await bed.ActivitiesAsync())[0].Cause);
    }

    [Fact]
    public async Task PutScalingPolicy_UnregisteredTarget_ObjectNotFoundAndNoAlarms()
    {
        await bed.AddServiceAsync("c", "s", 1);

        var error = await ScalingTestBed.FailsAsync(() => bed.PutCpuPolicyAsync("c", "s", 50));

        Assert.Equal("ObjectNotFoundException", error.Code);
        Assert.Equal("No scalable target registered for service namespace: ecs, resource ID: service/c/s, scalable dimension: ecs:service:DesiredCount", error.Message);
        Assert.Empty(bed.Alarms.Alarms);
    }

    [Fact]
    public async Task PutScalingPolicy_TargetTracking_CreatesHighAndLowAlarmsAsAws()
    {
        await bed.AddServiceAsync("c", "s", 1);
        await bed.RegisterAsync("c", "s", 1, 6);

        var response = await bed.PutCpuPolicyAsync("c", "s", 50);

        Assert.Matches("^arn:aws:autoscaling:us-east-1:000000000000:scalingPolicy:[0-9a-f-]{36}:resource/ecs/service/c/s:policyName/cpu$", response.PolicyARN);
        Assert.Equal(2, response.Alarms!.Count);
        var high = bed.Alarms.Alarms[response.Alarms.Single(a => a.AlarmName!.Contains("-AlarmHigh-", StringComparison.Ordinal)).AlarmName!];
        var low = bed.Alarms.Alarms[response.Alarms.Single(a => a.AlarmName!.Contains("-AlarmLow-", StringComparison.Ordinal)).AlarmName!];
        Assert.StartsWith("TargetTracking-service/c/s-AlarmHigh-", high.AlarmName, StringComparison.Ordinal);
        Assert.Equal(("AWS/ECS", "CPUUtilization", "Average"), (high.Namespace, high.MetricName, high.Statistic));
        Assert.Equal(["ClusterName=c", "ServiceName=s"], high.Dimensions!.Select(d => $"{d.Name}={d.Value}"));
        Assert.Equal((50.0, "GreaterThanThreshold", 3, 3, 60), (high.Threshold!.Value, high.ComparisonOperator, high.EvaluationPeriods!.Value, high.DatapointsToAlarm!.Value, high.Period!.Value));
        Assert.Equal((45.0, "LessThanThreshold", 15, 15), (low.Threshold!.Value, low.ComparisonOperator, low.EvaluationPeriods!.Value, low.DatapointsToAlarm!.Value));
        Assert.Equal([response.PolicyARN!], high.AlarmActions);
        Assert.Equal($"arn:aws:cloudwatch:us-east-1:000000000000:alarm:{high.AlarmName}", response.Alarms.Single(a => a.AlarmName == high.AlarmName).AlarmARN);

        var described = Assert.Single((await bed.DescribePolicies.HandleAsync(new DescribeScalingPoliciesRequest { ServiceNamespace = "ecs" }, ScalingTestBed.Context, default)).ScalingPolicies!);
        Assert.Equal(2, described.Alarms!.Count);
        Assert.Equal(50, described.TargetTrackingScalingPolicyConfiguration!.TargetValue);
    }

    [Fact]
    public async Task PutScalingPolicy_Replaced_KeepsArnAndAlarmNames_DisableScaleInDropsLowAlarm()
    {
        await bed.AddServiceAsync("c", "s", 1);
        await bed.RegisterAsync("c", "s", 1, 6);
        var first = await bed.PutCpuPolicyAsync("c", "s", 50);

        var second = await bed.PutCpuPolicyAsync("c", "s", 60, disableScaleIn: true);

        Assert.Equal(first.PolicyARN, second.PolicyARN);
        var high = Assert.Single(second.Alarms!);
        Assert.Contains(high.AlarmName, first.Alarms!.Select(a => a.AlarmName));
        Assert.Equal([high.AlarmName!], bed.Alarms.Alarms.Keys);
        Assert.Equal(60, bed.Alarms.Alarms[high.AlarmName!].Threshold);
    }

    [Fact]
    public async Task DeleteScalingPolicy_DeletesItsAlarms_SecondDeleteObjectNotFound()
    {
        await bed.AddServiceAsync("c", "s", 1);
        await bed.RegisterAsync("c", "s", 1, 6);
        await bed.PutCpuPolicyAsync("c", "s", 50);
        var request = new DeleteScalingPolicyRequest { PolicyName = "cpu", ServiceNamespace = "ecs", ResourceId = "service/c/s", ScalableDimension = "ecs:service:DesiredCount" };

        await bed.DeletePolicy.HandleAsync(request, ScalingTestBed.Context, default);

        Assert.Empty(bed.Alarms.Alarms);
        var error = await ScalingTestBed.FailsAsync(async () => await bed.DeletePolicy.HandleAsync(request, ScalingTestBed.Context, default));
        Assert.Equal("ObjectNotFoundException", error.Code);
        Assert.Contains("policy name: cpu", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeregisterScalableTarget_RemovesPoliciesAlarmsAndActions()
    {
        await bed.AddServiceAsync("c", "s", 1);
        await bed.RegisterAsync("c", "s", 1, 6);
        await bed.PutCpuPolicyAsync("c", "s", 50);
        var request = new DeregisterScalableTargetRequest { ServiceNamespace = "ecs", ResourceId = "service/c/s", ScalableDimension = "ecs:service:DesiredCount" };

        await bed.Deregister.HandleAsync(request, ScalingTestBed.Context, default);

        Assert.Empty(bed.Alarms.Alarms);
        Assert.Empty((await bed.DescribePolicies.HandleAsync(new DescribeScalingPoliciesRequest { ServiceNamespace = "ecs" }, ScalingTestBed.Context, default)).ScalingPolicies!);
        Assert.Equal("ObjectNotFoundException", (await ScalingTestBed.FailsAsync(async () => await bed.Deregister.HandleAsync(request, ScalingTestBed.Context, default))).Code);
    }

    [Theory]
    [InlineData(null, "ChangeInCapacity")]
    [InlineData(0.0, null)]
    public async Task PutScalingPolicy_BadStepConfiguration_ValidationException(double? gapLower, string? adjustmentType)
    {
        await bed.AddServiceAsync("c", "s", 1);
        await bed.RegisterAsync("c", "s", 1, 6);
        var steps = new List<StepAdjustment>
        {
            new() { MetricIntervalLowerBound = 0, MetricIntervalUpperBound = 10, ScalingAdjustment = 1 },
            new() { MetricIntervalLowerBound = gapLower ?? 15, ScalingAdjustment = 2 },
        };
        var error = await ScalingTestBed.FailsAsync(async () => await bed.PutPolicy.HandleAsync(
            new PutScalingPolicyRequest
            {
                PolicyName = "step", ServiceNamespace = "ecs", ResourceId = "service/c/s", ScalableDimension = "ecs:service:DesiredCount",
                PolicyType = "StepScaling",
                StepScalingPolicyConfiguration = new StepScalingPolicyConfiguration { AdjustmentType = adjustmentType, StepAdjustments = steps },
            },
            ScalingTestBed.Context,
            default));
        Assert.Equal("ValidationException", error.Code);
    }
}
