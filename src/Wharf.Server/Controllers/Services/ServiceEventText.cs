using Wharf.Scheduling.Messages;
using Wharf.Scheduling.Reconcilers;

namespace Wharf.Server.Controllers.Services;

/// <summary>
/// Service events and stop reasons in ECS's words. ECS writes the service as <c>(service web)</c>
/// at the head of its events; the scheduler's messages are reused with that head.
/// </summary>
internal static class ServiceEventText
{
    public static string Started(string service, IEnumerable<string> taskIds) =>
        $"(service {service}) has started {taskIds.Count()} tasks: {string.Join(' ', taskIds.Select(id => $"(task {id})"))}.";

    public static string Stopped(string service, IEnumerable<string> taskIds) =>
        $"(service {service}) has stopped {taskIds.Count()} running tasks: {string.Join(' ', taskIds.Select(id => $"(task {id})"))}.";

    public static string SteadyState(string service) => Head(ServiceEventMessages.SteadyState(service), service);

    public static string DeploymentCompleted(string service, string deploymentId) =>
        $"(service {service}) (deployment {deploymentId}) deployment completed.";

    public static string DeploymentFailed(string service, string deploymentId) =>
        $"(service {service}) (deployment {deploymentId}) deployment failed: tasks failed to start.";

    public static string RollingBack(string service, string deploymentId) =>
        $"(service {service}) rolling back to deployment {deploymentId}.";

    public static string Head(string message, string service)
    {
        var plain = $"service {service} ";
        return message.StartsWith(plain, StringComparison.Ordinal) ? $"(service {service}) {message[plain.Length..]}" : message;
    }

    /// <summary>ECS's event when a task's target fails the load balancer's health checks.</summary>
    public static string TargetUnhealthy(string service, Core.Model.TaskTargetRecord target) =>
        $"(service {service}) (instance {target.Id}) (port {target.Port}) is unhealthy in (target-group {target.TargetGroupArn}) "
        + $"due to (reason {target.Description ?? target.Reason ?? "Health checks failed"}).";

    /// <summary>The <c>stoppedReason</c> of a task stopped because a target failed the load balancer's health checks.</summary>
    public static string ElbStopReason(string targetGroupArn) => $"Task failed ELB health checks in (target-group {targetGroupArn})";

    /// <summary>The <c>stoppedReason</c> of a task the scheduler stops.</summary>
    public static string StopReason(StopReason reason, string primaryDeploymentId, string? instanceId) => reason switch
    {
        Scheduling.Reconcilers.StopReason.Unhealthy => "Task failed container health checks",
        Scheduling.Reconcilers.StopReason.InstanceLost =>
            $"Container instance {instanceId} was lost: its agent stayed disconnected past the timeout",
        Scheduling.Reconcilers.StopReason.InstanceDraining => $"Container instance {instanceId} is being drained",
        Scheduling.Reconcilers.StopReason.ConstraintUnsatisfied =>
            $"Container instance {instanceId} no longer satisfies the service's placement constraints",
        _ => $"Scaling activity initiated by (deployment {primaryDeploymentId})",
    };
}
