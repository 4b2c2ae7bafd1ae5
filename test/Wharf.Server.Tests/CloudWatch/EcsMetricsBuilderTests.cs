using Wharf.Core.Model;
using Wharf.LoadBalancer;
using Wharf.Protocol.AgentChannel;
using Wharf.Server.CloudWatch.Ecs;
using Wharf.Server.CloudWatch.LoadBalancing;
using Xunit;

namespace Wharf.Server.Tests.CloudWatch;

public sealed class EcsMetricsBuilderTests
{
    private const string Cluster = "arn:aws:ecs:us-east-1:000000000000:cluster/prod";

    [Fact]
    public void Build_ServiceTasks_UtilizationOfTheirReservation()
    {
        var tasks = new List<(TaskRecord, TaskStats)>
        {
            (Task("t1", "service:web", cpu: 256, memory: 512), Stats("t1", cpuUnits: 192, memoryMiB: 128)),
            (Task("t2", "service:web", cpu: 256, memory: 512), Stats("t2", cpuUnits: 64, memoryMiB: 256)),
            (Task("t3", "family:batch", cpu: 512, memory: 512), Stats("t3", cpuUnits: 512, memoryMiB: 0)),
        };

        var samples = EcsMetricsBuilder.Build(Instance(), tasks, CloudWatchTestBed.Start);

        var cpu = samples.Where(s => s.Key.MetricName == "CPUUtilization" && s.Key.Dimensions.Count == 2).ToList();
        Assert.Equal([75.0, 25.0], cpu.Select(s => s.Sum));
        Assert.All(cpu, s => Assert.Equal([new("ClusterName", "prod"), new("ServiceName", "web")], s.Key.Dimensions));
        Assert.Equal([25.0, 50.0], samples.Where(s => s.Key.MetricName == "MemoryUtilization" && s.Key.Dimensions.Count == 2).Select(s => s.Sum));
        Assert.All(samples, s => Assert.Equal(("AWS/ECS", "Percent"), (s.Key.Namespace, s.Unit)));
    }

    [Fact]
    public void Build_Instance_ClusterUtilizationAndReservation()
    {
        var tasks = new List<(TaskRecord, TaskStats)>
        {
            (Task("t1", "service:web", cpu: 512, memory: 1024), Stats("t1", cpuUnits: 1024, memoryMiB: 512)),
        };

        var samples = EcsMetricsBuilder.Build(Instance(), tasks, CloudWatchTestBed.Start)
            .Where(s => s.Key.Dimensions.Count == 1)
            .ToDictionary(s => s.Key.MetricName, s => s.Sum);

        Assert.Equal(50, samples["CPUUtilization"]);
        Assert.Equal(12.5, samples["MemoryUtilization"]);
        Assert.Equal(25, samples["CPUReservation"]);
        Assert.Equal(25, samples["MemoryReservation"]);
    }

    [Fact]
    public void RequestCounts_PerGroupAndPerTarget_WithElbDimensions()
    {
        const string lb = "arn:aws:elasticloadbalancing:us-east-1:000000000000:loadbalancer/app/front/50dc6c495c0c9188";
        const string tg = "arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/web/73e2d6bc24d8a067";

        var samples = RequestCountPublisher.Build([new RequestCount(lb, tg, 30, 3), new RequestCount(lb, null, 2, 0)], CloudWatchTestBed.Start);

        Assert.Equal(32, samples.Single(s => s.Key.MetricName == "RequestCount" && s.Key.Dimensions.Count == 1).Sum);
        var perTarget = samples.Single(s => s.Key.MetricName == "RequestCountPerTarget" && s.Key.Dimensions.Count == 2);
        Assert.Equal(10, perTarget.Sum);
        Assert.Equal([new("LoadBalancer", "app/front/50dc6c495c0c9188"), new("TargetGroup", "targetgroup/web/73e2d6bc24d8a067")], perTarget.Key.Dimensions);
    }

    [Fact]
    public void Build_FargatePoolInstance_ServiceMetricsButNoClusterMetrics()
    {
        var tasks = new List<(TaskRecord, TaskStats)>
        {
            (Task("t1", "service:web", cpu: 256, memory: 512) with { LaunchType = "FARGATE" }, Stats("t1", cpuUnits: 128, memoryMiB: 128)),
        };
        var pool = Instance() with { ClusterArn = "arn:aws:ecs:us-east-1:000000000000:cluster/wharf.fargate", CapacityProviderName = "FARGATE" };

        var samples = EcsMetricsBuilder.Build(pool, tasks, CloudWatchTestBed.Start);

        Assert.Equal(["CPUUtilization", "MemoryUtilization"], samples.Select(s => s.Key.MetricName));
        Assert.All(samples, s => Assert.Equal([new("ClusterName", "prod"), new("ServiceName", "web")], s.Key.Dimensions));
    }

    private static ContainerInstanceRecord Instance() => new()
    {
        Arn = "arn:aws:ecs:us-east-1:000000000000:container-instance/prod/i1",
        Id = "i1",
        ClusterArn = Cluster,
        Ec2InstanceId = "i-1",
        Status = "ACTIVE",
        AgentConnected = true,
        RegisteredAt = CloudWatchTestBed.Start,
        AgentVersion = "1",
        DockerVersion = "1",
        RegisteredCpu = 2048,
        RegisteredMemory = 4096,
    };

    private static TaskRecord Task(string id, string group, int cpu, int memory) => new()
    {
        Arn = $"arn:aws:ecs:us-east-1:000000000000:task/prod/{id}",
        Id = id,
        ClusterArn = Cluster,
        TaskDefinitionArn = "arn:aws:ecs:us-east-1:000000000000:task-definition/web:1",
        Family = "web",
        Revision = 1,
        LastStatus = "RUNNING",
        DesiredStatus = "RUNNING",
        Group = group,
        ReservedCpu = cpu,
        ReservedMemory = memory,
        CreatedAt = CloudWatchTestBed.Start,
        Containers = [],
    };

    private static TaskStats Stats(string id, double cpuUnits, double memoryMiB) => new()
    {
        TaskArn = $"arn:aws:ecs:us-east-1:000000000000:task/prod/{id}",
        Containers = [new ContainerStats { Name = "app", CpuUnits = cpuUnits, MemoryMiB = memoryMiB }],
    };
}
