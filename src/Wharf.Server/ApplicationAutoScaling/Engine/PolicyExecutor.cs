using Microsoft.Extensions.Logging;
using Wharf.Protocol.Generated.ApplicationAutoScaling;
using Wharf.Server.ApplicationAutoScaling.Common;
using Wharf.Server.ApplicationAutoScaling.Policies;
using Wharf.Server.CloudWatch.Alarms;
using Wharf.Server.CloudWatch.Metrics;

namespace Wharf.Server.ApplicationAutoScaling.Engine;

/// <summary>
/// Runs a scaling policy when one of its alarms is in ALARM. Target tracking reads the tracked
/// metric's latest period and scales proportionally (its high alarm only out, its low alarm only
/// in); step scaling measures the breach from the alarm's datapoints and threshold and applies the
/// step it falls in. <see cref="ScalingPlanner"/> decides with the cooldowns and bounds;
/// <see cref="CapacityCommitter"/> commits. Executions are serialised, so two alarms never decide
/// from the same stale capacity.
/// </summary>
internal sealed partial class PolicyExecutor(
    ScalingStore store,
    CapacityCommitter committer,
    IMetricReader metrics,
    ScalingOptions options,
    TimeProvider time,
    ILogger<PolicyExecutor> logger) : IDisposable
{
    private const int DefaultCooldownSeconds = 300;
    private readonly SemaphoreSlim gate = new(1, 1);

    public void Dispose() => gate.Dispose();

    public async ValueTask ExecuteAsync(AlarmActionInvocation invocation, CancellationToken cancellationToken)
    {
        if (invocation.NewState != "ALARM"
            || !ScalingNames.TryParsePolicyArn(invocation.ActionArn, out var serviceNamespace, out _, out _))
        {
            return;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            var policies = await store.AllPoliciesAsync(serviceNamespace, cancellationToken);
            var policy = policies.FirstOrDefault(p => p.Value.Arn == invocation.ActionArn)?.Value;
            if (policy is null)
            {
                LogPolicyMissing(logger, invocation.ActionArn, invocation.AlarmName);
                return;
            }

            var request = policy.TargetTracking is not null
                ? await TargetTrackingAsync(policy, invocation, cancellationToken)
                : StepScaling(policy, invocation);
            if (request is null)
            {
                return;
            }

            var resource = ScalableResource.Parse(policy.ServiceNamespace, policy.ResourceId, policy.ScalableDimension);
            var cause = ScalingActivities.AlarmCause(invocation.AlarmName, policy.PolicyName);
            string? notScaled = null;
            var change = await committer.ApplyAsync(
                resource,
                (target, service) =>
                {
                    if (target is null || service is null)
                    {
                        notScaled = "ServiceNotActive";
                        return null;
                    }

                    var decision = ScalingPlanner.Decide(
                        target, service.DesiredCount, request, time.GetUtcNow(), ScalingPlanner.IsDeploying(service));
                    notScaled = decision.NotScaledReason;
                    return decision.NewCapacity is { } capacity
                        ? new CapacityChange(target with { Cooldown = decision.Cooldown, LastNotScaled = null }, capacity, cause)
                        : NotScaledChange(resource, target, service.DesiredCount, decision.NotScaledReason, cause);
                },
                cancellationToken);
            if (change?.DesiredCount is { } desired)
            {
                LogScaled(logger, policy.ResourceId, desired, cause);
            }
            else
            {
                LogNotScaled(logger, policy.ResourceId, policy.PolicyName, notScaled ?? ScalingPlanner.NoChange);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// A not scaled activity when the capacity is already at a bound, recorded once per cause and
    /// reason until the target scales again (an alarm stays in ALARM for many evaluations); null otherwise.
    /// </summary>
    private CapacityChange? NotScaledChange(ScalableResource resource, ScalableTargetRecord target, int current, string? reason, string cause)
    {
        NotScaledRecord? record = reason switch
        {
            ScalingPlanner.AlreadyAtMax => new(reason, null, target.MaxCapacity, current),
            ScalingPlanner.AlreadyAtMin => new(reason, target.MinCapacity, null, current),
            _ => null,
        };
        var key = $"{cause}|{reason}";
        if (record is null || target.LastNotScaled == key)
        {
            return null;
        }

        var activity = ScalingActivities.NotScaled(resource, current, cause, record, time.GetUtcNow());
        return new CapacityChange(target with { LastNotScaled = key }, null, cause, [activity]);
    }

    private async ValueTask<ScalingRequest?> TargetTrackingAsync(
        ScalingPolicyRecord policy, AlarmActionInvocation invocation, CancellationToken cancellationToken)
    {
        var configuration = policy.TargetTracking!;
        var alarm = policy.Alarms.FirstOrDefault(a => a.Name == invocation.AlarmName);
        if (alarm is null)
        {
            return null;
        }

        var resource = ScalableResource.Parse(policy.ServiceNamespace, policy.ResourceId, policy.ScalableDimension);
        var metric = TrackedMetric.Resolve(configuration, resource);
        // Whole periods only, as the alarms see them: a Sum (ALBRequestCountPerTarget) over the
        // period still under way would read low.
        var seconds = time.GetUtcNow().ToUnixTimeSeconds();
        var period = (long)options.AlarmPeriod.TotalSeconds;
        var end = DateTimeOffset.FromUnixTimeSeconds(seconds - (seconds % period));
        var window = options.AlarmPeriod * Math.Max(options.HighDatapoints, 3);
        var periods = await metrics.StatisticsAsync(metric.Key, end - window, end, options.AlarmPeriod, cancellationToken);
        double value;
        if (periods.Count > 0)
        {
            value = metric.ValueOf(periods[^1]);
        }
        else if (AlarmReason.TryParse(invocation.Reason, out var datapoints, out _))
        {
            value = datapoints[0];
        }
        else
        {
            LogNoMetric(logger, policy.PolicyName, metric.MetricName);
            return null;
        }

        var target = configuration.TargetValue ?? 0;
        return new ScalingRequest(
            current => CapacityMath.TargetTracking(current, value, target, alarm.High),
            AllowScaleOut: alarm.High,
            AllowScaleIn: !alarm.High && configuration.DisableScaleIn != true,
            TimeSpan.FromSeconds(configuration.ScaleOutCooldown ?? DefaultCooldownSeconds),
            TimeSpan.FromSeconds(configuration.ScaleInCooldown ?? DefaultCooldownSeconds));
    }

    private static ScalingRequest? StepScaling(ScalingPolicyRecord policy, AlarmActionInvocation invocation)
    {
        var configuration = policy.StepScaling;
        if (configuration?.StepAdjustments is not { Count: > 0 } steps)
        {
            return null;
        }

        // A state set by SetAlarmState carries no datapoints: the step that holds a zero breach applies.
        var breach = AlarmReason.TryParse(invocation.Reason, out var datapoints, out var threshold)
            ? AlarmReason.Aggregate(datapoints, configuration.MetricAggregationType) - threshold
            : 0;
        var step = CapacityMath.SelectStep(steps, breach);
        if (step is null)
        {
            return null;
        }

        var type = configuration.AdjustmentType ?? AdjustmentTypeValues.ChangeInCapacity;
        var adjustment = step.ScalingAdjustment ?? 0;
        var cooldown = TimeSpan.FromSeconds(configuration.Cooldown ?? DefaultCooldownSeconds);
        return new ScalingRequest(
            current => CapacityMath.Adjust(current, type, adjustment, configuration.MinAdjustmentMagnitude),
            AllowScaleOut: true,
            AllowScaleIn: true,
            cooldown,
            cooldown);
    }

    [LoggerMessage(EventId = ScalingEvents.Scaled, Level = LogLevel.Information, Message = "Scaled {ResourceId} to {Desired}: {Cause}")]
    private static partial void LogScaled(ILogger logger, string resourceId, int desired, string cause);

    [LoggerMessage(EventId = ScalingEvents.NotScaled, Level = LogLevel.Debug, Message = "Policy {PolicyName} did not scale {ResourceId}: {Reason}")]
    private static partial void LogNotScaled(ILogger logger, string resourceId, string policyName, string reason);

    [LoggerMessage(EventId = ScalingEvents.PolicyMissing, Level = LogLevel.Warning, Message = "Alarm {AlarmName} names scaling policy {PolicyArn}, which does not exist")]
    private static partial void LogPolicyMissing(ILogger logger, string policyArn, string alarmName);

    [LoggerMessage(EventId = ScalingEvents.NoMetric, Level = LogLevel.Information, Message = "Policy {PolicyName} has no recent {MetricName} datapoint; not scaling")]
    private static partial void LogNoMetric(ILogger logger, string policyName, string metricName);
}
