using Wharf.Core.Model;
using Wharf.Server.Controllers.Attachments;
using Wharf.Server.State;
using Xunit;

namespace Wharf.Server.Tests.Controllers;

public sealed class AttachmentPlannerTests
{
    private const string Group = "arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/web/0123456789abcdef";
    private const string Registry = "arn:aws:servicediscovery:us-east-1:000000000000:service/srv-abcdefghijklmnop";
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static TaskRecord Task(string lastStatus = "RUNNING", string desiredStatus = "RUNNING", string health = "UNKNOWN") => new()
    {
        Arn = "arn:aws:ecs:us-east-1:000000000000:task/default/t1",
        Id = "t1",
        ClusterArn = "arn:aws:ecs:us-east-1:000000000000:cluster/default",
        TaskDefinitionArn = "arn:aws:ecs:us-east-1:000000000000:task-definition/web:1",
        Family = "web",
        Revision = 1,
        ContainerInstanceArn = "arn:aws:ecs:us-east-1:000000000000:container-instance/default/ci1",
        LastStatus = lastStatus,
        DesiredStatus = desiredStatus,
        HealthStatus = health,
        AvailabilityZone = "us-east-1a",
        CreatedAt = Now,
        ServiceArn = "arn:aws:ecs:us-east-1:000000000000:service/default/web",
        Containers =
        [
            new TaskContainerRecord
            {
                ContainerArn = "c1",
                Name = "web",
                Image = "wharf/web",
                LastStatus = lastStatus,
                Ipv4Address = "172.17.0.5",
                NetworkBindings = [new NetworkBindingRecord("0.0.0.0", 80, 32768, "tcp")],
            },
        ],
    };

    private static ServiceRecord Service(bool loadBalancer = true, bool registry = false) => new()
    {
        Arn = "arn:aws:ecs:us-east-1:000000000000:service/default/web",
        Name = "web",
        ClusterArn = "arn:aws:ecs:us-east-1:000000000000:cluster/default",
        Status = "ACTIVE",
        DesiredCount = 1,
        TaskDefinitionArn = "arn:aws:ecs:us-east-1:000000000000:task-definition/web:1",
        MinimumHealthyPercent = 100,
        MaximumPercent = 200,
        Deployments = [],
        CreatedAt = Now,
        LoadBalancers = loadBalancer ? [new ServiceLoadBalancerRecord(Group, "web", 80)] : [],
        ServiceRegistries = registry ? [new ServiceRegistryRecord(Registry, "web", 80, null)] : [],
    };

    /// <summary>An <c>awsvpc</c> task: no bridge address or host port, its ENI's address once the agent reported it.</summary>
    private static TaskRecord AwsvpcTask(string? address = "172.31.0.7", string desiredStatus = "RUNNING") => Task(desiredStatus: desiredStatus) with
    {
        Containers = [Task().Containers[0] with { Ipv4Address = null, NetworkBindings = [] }],
        NetworkInterface = new TaskNetworkInterfaceRecord
        {
            AttachmentId = "a1",
            Status = address is null ? "PRECREATED" : "ATTACHED",
            NetworkInterfaceId = "eni-0123456789abcdef0",
            SubnetId = "subnet-1",
            SubnetCidr = "172.31.0.0/20",
            PrivateIpv4Address = address,
            MacAddress = address is null ? null : "02:42:ac:1f:00:07",
        },
    };

    private static AttachmentStepInput Input(
        TaskRecord task, ServiceRecord? service = null, Dictionary<string, Versioned<TargetRecord>>? targets = null, bool checks = false, int delay = 5,
        string targetType = "instance", string networkMode = "bridge") => new()
    {
        Task = task,
        Service = service ?? Service(),
        Instance = new ContainerInstanceRecord
        {
            Arn = task.ContainerInstanceArn!,
            Id = "ci1",
            ClusterArn = task.ClusterArn,
            Ec2InstanceId = "i-0123456789abcdef0",
            Status = "ACTIVE",
            AgentConnected = true,
            RegisteredAt = Now,
            AgentVersion = "1",
            DockerVersion = "1",
            RegisteredCpu = 1024,
            RegisteredMemory = 1024,
            HostAddress = "127.0.0.1",
            Attributes = [new AttributeRecord("ecs.availability-zone", "us-east-1a")],
        },
        Groups = new Dictionary<string, Versioned<TargetGroupRecord>>
        {
            [Group] = new(new TargetGroupRecord
            {
                Arn = Group,
                Name = "web",
                CreatedAt = Now,
                Protocol = "HTTP",
                Port = 80,
                VpcId = "vpc-1",
                TargetType = targetType,
                HealthCheck = new HealthCheckSettings(),
                Attributes = new Dictionary<string, string> { ["deregistration_delay.timeout_seconds"] = delay.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            }, 3, Group),
        },
        GroupsInUse = new HashSet<string> { Group },
        Targets = targets ?? [],
        Registries = new Dictionary<string, DiscoveryServiceRecord>
        {
            [Registry] = new()
            {
                Id = "srv-abcdefghijklmnop",
                Arn = Registry,
                Name = "web",
                NamespaceId = "ns-1",
                CreatedAt = Now,
                Type = "DNS_HTTP",
                DnsRecords = [new DiscoveryDnsRecord("A", 30), new DiscoveryDnsRecord("SRV", 30)],
            },
        },
        HasHealthChecks = checks,
        NetworkMode = networkMode,
        ClusterName = "default",
        Region = "us-east-1",
        Now = Now,
    };

    private static string Key(int port = 32768) => LoadBalancingKinds.TargetKey(Group, "i-0123456789abcdef0", port);

    [Fact]
    public void Plan_RunningTask_RegistersInstanceAndHostPort()
    {
        var step = AttachmentPlanner.Plan(Input(Task()));

        Assert.True(step.Changed);
        var write = Assert.Single(step.TargetWrites);
        Assert.Equal(Key(), write.Key);
        Assert.Equal(0, write.ExpectedVersion);
        Assert.Equal(TargetStates.Initial, write.Record!.State);
        Assert.Equal("us-east-1a", write.Record.AvailabilityZone);
        var target = Assert.Single(step.Task.Targets);
        Assert.Equal(("i-0123456789abcdef0", 32768, false), (target.Id, target.Port, target.Deregistered));
    }

    [Fact]
    public void Plan_HostPortNotReportedYet_Waits()
    {
        var task = Task() with { Containers = [Task().Containers[0] with { NetworkBindings = [] }] };

        var step = AttachmentPlanner.Plan(Input(task));

        Assert.False(step.Changed);
        Assert.Empty(step.Task.Targets);
    }

    [Fact]
    public void Plan_PendingTask_NothingRegistered()
    {
        var step = AttachmentPlanner.Plan(Input(Task(lastStatus: "PENDING"), Service(registry: true)));

        Assert.False(step.Changed);
    }

    [Fact]
    public void Plan_RegisteredTarget_CopiesDataPlaneHealth()
    {
        var registered = AttachmentPlanner.Plan(Input(Task())).Task;
        var doc = new TargetRecord
        {
            TargetGroupArn = Group, Id = "i-0123456789abcdef0", Port = 32768, RegisteredAt = Now, State = TargetStates.Unhealthy,
            Reason = TargetStates.ResponseCodeMismatch, Description = "Health checks failed with these codes: [503]",
        };

        var step = AttachmentPlanner.Plan(Input(registered, targets: new() { [Key()] = new(doc, 4, Key()) }));

        Assert.Empty(step.TargetWrites);
        var target = Assert.Single(step.Task.Targets);
        Assert.Equal(TargetStates.Unhealthy, target.State);
        Assert.Equal("Health checks failed with these codes: [503]", target.Description);
    }

    [Fact]
    public void Plan_StopAsked_TargetDrainsAndTaskHeldDeactivating()
    {
        var registered = AttachmentPlanner.Plan(Input(Task())).Task with { DesiredStatus = "STOPPED" };
        var doc = new TargetRecord { TargetGroupArn = Group, Id = "i-0123456789abcdef0", Port = 32768, RegisteredAt = Now, State = TargetStates.Healthy };

        var step = AttachmentPlanner.Plan(Input(registered, targets: new() { [Key()] = new(doc, 7, Key()) }, delay: 5));

        var write = Assert.Single(step.TargetWrites);
        Assert.Equal(7, write.ExpectedVersion);
        Assert.Equal(TargetStates.Draining, write.Record!.State);
        Assert.Equal(Now.AddSeconds(5), write.Record.DrainUntil);
        Assert.Equal(Now.AddSeconds(5), step.Task.DrainUntil);
        Assert.Equal("DEACTIVATING", step.Task.LastStatus);
        Assert.True(Assert.Single(step.Task.Targets).Deregistered);
        Assert.False(step.Task.HasLiveAttachments);
    }

    [Fact]
    public void Plan_AlreadyDeregistered_NothingTwice()
    {
        var registered = AttachmentPlanner.Plan(Input(Task())).Task with { DesiredStatus = "STOPPED" };
        var doc = new TargetRecord { TargetGroupArn = Group, Id = "i-0123456789abcdef0", Port = 32768, RegisteredAt = Now, State = TargetStates.Healthy };
        var drained = AttachmentPlanner.Plan(Input(registered, targets: new() { [Key()] = new(doc, 7, Key()) })).Task;

        var again = AttachmentPlanner.Plan(Input(drained, targets: new() { [Key()] = new(doc with { State = TargetStates.Draining }, 8, Key()) }));

        Assert.False(again.Changed);
    }

    [Fact]
    public void Plan_ContainerAlreadyExited_TargetRemovedAtOnceWithoutHold()
    {
        var registered = AttachmentPlanner.Plan(Input(Task())).Task with { LastStatus = "STOPPED", DesiredStatus = "STOPPED" };
        var doc = new TargetRecord { TargetGroupArn = Group, Id = "i-0123456789abcdef0", Port = 32768, RegisteredAt = Now, State = TargetStates.Healthy };

        var step = AttachmentPlanner.Plan(Input(registered, targets: new() { [Key()] = new(doc, 7, Key()) }));

        var write = Assert.Single(step.TargetWrites);
        Assert.Null(write.Record);
        Assert.Null(step.Task.DrainUntil);
        Assert.Equal("STOPPED", step.Task.LastStatus);
    }

    [Fact]
    public void Plan_ZeroDelay_TargetRemovedAndNoHold()
    {
        var registered = AttachmentPlanner.Plan(Input(Task())).Task with { DesiredStatus = "STOPPED" };
        var doc = new TargetRecord { TargetGroupArn = Group, Id = "i-0123456789abcdef0", Port = 32768, RegisteredAt = Now, State = TargetStates.Healthy };

        var step = AttachmentPlanner.Plan(Input(registered, targets: new() { [Key()] = new(doc, 7, Key()) }, delay: 0));

        Assert.Null(Assert.Single(step.TargetWrites).Record);
        Assert.Null(step.Task.DrainUntil);
        Assert.Equal("RUNNING", step.Task.LastStatus);
    }

    [Fact]
    public void Plan_Registry_RegistersBridgeAddressAndContainerPortWithEcsAttributes()
    {
        var step = AttachmentPlanner.Plan(Input(Task(), Service(loadBalancer: false, registry: true)));

        var instance = Assert.Single(step.Register);
        Assert.Equal("t1", instance.InstanceId);
        Assert.Equal("172.17.0.5", instance.Attributes["AWS_INSTANCE_IPV4"]);
        Assert.Equal("80", instance.Attributes["AWS_INSTANCE_PORT"]);
        Assert.Equal("default", instance.Attributes["ECS_CLUSTER_NAME"]);
        Assert.Equal("web", instance.Attributes["ECS_SERVICE_NAME"]);
        Assert.Equal("web", instance.Attributes["ECS_TASK_DEFINITION_FAMILY"]);
        Assert.Equal("us-east-1a", instance.Attributes["AVAILABILITY_ZONE"]);
        Assert.Equal("us-east-1", instance.Attributes["REGION"]);
        Assert.False(instance.Attributes.ContainsKey("AWS_INIT_HEALTH_STATUS"));
        Assert.Equal("t1", Assert.Single(step.Task.Registrations).InstanceId);
    }

    [Fact]
    public void Plan_RegistryWithHealthChecks_WaitsForHealthy()
    {
        var service = Service(loadBalancer: false, registry: true);

        Assert.Empty(AttachmentPlanner.Plan(Input(Task(health: "UNKNOWN"), service, checks: true)).Register);
        Assert.Single(AttachmentPlanner.Plan(Input(Task(health: "HEALTHY"), service, checks: true)).Register);
    }

    [Fact]
    public void Plan_StopAsked_CloudMapInstanceDeregisteredOnce()
    {
        var registered = AttachmentPlanner.Plan(Input(Task(), Service(loadBalancer: false, registry: true))).Task with { DesiredStatus = "STOPPED" };

        var step = AttachmentPlanner.Plan(Input(registered, Service(loadBalancer: false, registry: true)));

        Assert.Equal("t1", Assert.Single(step.Deregister).InstanceId);
        Assert.False(step.Task.HasLiveAttachments);
        Assert.Equal("RUNNING", step.Task.LastStatus);
        Assert.Empty(AttachmentPlanner.Plan(Input(step.Task, Service(loadBalancer: false, registry: true))).Deregister);
    }

    [Fact]
    public void Plan_AwsvpcTaskIpGroup_RegistersEniAddressAndContainerPort()
    {
        var step = AttachmentPlanner.Plan(Input(AwsvpcTask(), targetType: "ip", networkMode: "awsvpc"));

        var write = Assert.Single(step.TargetWrites);
        Assert.Equal(LoadBalancingKinds.TargetKey(Group, "172.31.0.7", 80), write.Key);
        Assert.Equal(("172.31.0.7", 80, TargetStates.Initial), (write.Record!.Id, write.Record.Port, write.Record.State));
        var target = Assert.Single(step.Task.Targets);
        Assert.Equal(("172.31.0.7", 80, false), (target.Id, target.Port, target.Deregistered));
    }

    [Fact]
    public void Plan_AwsvpcAddressNotReportedYet_WaitsForTargetAndInstance()
    {
        var step = AttachmentPlanner.Plan(Input(AwsvpcTask(address: null), Service(registry: true), targetType: "ip", networkMode: "awsvpc"));

        Assert.False(step.Changed);
        Assert.Empty(step.Task.Targets);
        Assert.Empty(step.Register);
    }

    [Fact]
    public void Plan_AwsvpcStopAsked_IpTargetDrainsForTheDelay()
    {
        var registered = AttachmentPlanner.Plan(Input(AwsvpcTask(), targetType: "ip", networkMode: "awsvpc")).Task with { DesiredStatus = "STOPPED" };
        var key = LoadBalancingKinds.TargetKey(Group, "172.31.0.7", 80);
        var doc = new TargetRecord { TargetGroupArn = Group, Id = "172.31.0.7", Port = 80, RegisteredAt = Now, State = TargetStates.Healthy };

        var step = AttachmentPlanner.Plan(Input(registered, targets: new() { [key] = new(doc, 3, key) }, delay: 10, targetType: "ip", networkMode: "awsvpc"));

        var write = Assert.Single(step.TargetWrites);
        Assert.Equal((key, 3L, TargetStates.Draining), (write.Key, write.ExpectedVersion, write.Record!.State));
        Assert.Equal(Now.AddSeconds(10), step.Task.DrainUntil);
        Assert.Equal("DEACTIVATING", step.Task.LastStatus);
    }

    [Fact]
    public void Plan_AwsvpcRegistry_RegistersEniAddressAndContainerPort()
    {
        var step = AttachmentPlanner.Plan(Input(AwsvpcTask(), Service(loadBalancer: false, registry: true), networkMode: "awsvpc"));

        var instance = Assert.Single(step.Register);
        Assert.Equal("172.31.0.7", instance.Attributes["AWS_INSTANCE_IPV4"]);
        Assert.Equal("80", instance.Attributes["AWS_INSTANCE_PORT"]);
    }

    [Fact]
    public void Plan_AwsvpcRegistryWithPortValue_RegistersThatPort()
    {
        var service = Service(loadBalancer: false) with { ServiceRegistries = [new ServiceRegistryRecord(Registry, null, null, 8080)] };

        var instance = Assert.Single(AttachmentPlanner.Plan(Input(AwsvpcTask(), service, networkMode: "awsvpc")).Register);

        Assert.Equal(("172.31.0.7", "8080"), (instance.Attributes["AWS_INSTANCE_IPV4"], instance.Attributes["AWS_INSTANCE_PORT"]));
    }

    [Fact]
    public void Plan_FargateRegistry_NamesNoEc2Instance()
    {
        var ec2 = Assert.Single(AttachmentPlanner.Plan(Input(AwsvpcTask(), Service(loadBalancer: false, registry: true), networkMode: "awsvpc")).Register);
        var fargate = Assert.Single(AttachmentPlanner.Plan(
            Input(AwsvpcTask() with { LaunchType = "FARGATE" }, Service(loadBalancer: false, registry: true), networkMode: "awsvpc")).Register);

        Assert.True(ec2.Attributes.ContainsKey("EC2_INSTANCE_ID"));
        Assert.False(fargate.Attributes.ContainsKey("EC2_INSTANCE_ID"));
        Assert.Equal("172.31.0.7", fargate.Attributes["AWS_INSTANCE_IPV4"]);
    }
}

