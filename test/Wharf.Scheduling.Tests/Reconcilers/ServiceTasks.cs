using Wharf.Scheduling.Reconcilers;

namespace Wharf.Scheduling.Tests.Reconcilers;

/// <summary>Builders of service task snapshots for reconciler tests.</summary>
internal static class ServiceTasks
{
    public static readonly DeploymentSnapshot Old = new("ecs-svc/1", "web:1", new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));
    public static readonly DeploymentSnapshot New = new("ecs-svc/2", "web:2", new DateTimeOffset(2024, 1, 2, 0, 0, 0, TimeSpan.Zero));

    public static ServiceTaskSnapshot Healthy(string arn, DeploymentSnapshot deployment, string zone = "a", string instance = "i1", HostCondition host = HostCondition.Active) => new()
    {
        TaskArn = arn,
        DeploymentId = deployment.Id,
        State = ServiceTaskState.Running,
        Health = TaskHealth.Healthy,
        AvailabilityZone = zone,
        ContainerInstanceArn = instance,
        Host = host,
    };

    public static ServiceTaskSnapshot Pending(string arn, DeploymentSnapshot deployment, string zone = "a", string instance = "i1") => new()
    {
        TaskArn = arn,
        DeploymentId = deployment.Id,
        State = ServiceTaskState.Pending,
        AvailabilityZone = zone,
        ContainerInstanceArn = instance,
    };

    public static IEnumerable<ServiceTaskSnapshot> HealthyMany(string prefix, int count, DeploymentSnapshot deployment) =>
        Enumerable.Range(1, count).Select(i => Healthy($"{prefix}{i}", deployment, zone: i % 2 == 0 ? "b" : "a", instance: $"i{i}"));
}
