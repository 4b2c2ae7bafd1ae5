using Wharf.Server.CloudWatch.Alarms;

namespace Wharf.Server.ApplicationAutoScaling.Engine;

/// <summary>Runs <c>arn:aws:autoscaling:…:scalingPolicy:…</c> alarm actions through the <see cref="PolicyExecutor"/>.</summary>
internal sealed class ScalingAlarmActionHandler(PolicyExecutor executor) : IAlarmActionHandler
{
    public bool Handles(string actionArn) =>
        actionArn.StartsWith("arn:aws:autoscaling:", StringComparison.Ordinal) && actionArn.Contains(":scalingPolicy:", StringComparison.Ordinal);

    public ValueTask InvokeAsync(AlarmActionInvocation invocation, CancellationToken cancellationToken) =>
        executor.ExecuteAsync(invocation, cancellationToken);
}
