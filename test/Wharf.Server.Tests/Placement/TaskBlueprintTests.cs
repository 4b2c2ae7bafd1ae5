using System.Text.Json;
using Wharf.Core.Model;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Protocol.Json;
using Wharf.Scheduling.Model;
using Wharf.Server.Placement;
using Xunit;
using Task = System.Threading.Tasks.Task;

namespace Wharf.Server.Tests.Placement;

public sealed class TaskBlueprintTests
{
    private static TaskDefinitionRecord Record(string networkMode = "bridge", string? cpu = null, string? memory = null, params ContainerDefinition[] containers) => new()
    {
        Family = "web",
        Revision = 1,
        Arn = "arn:aws:ecs:us-east-1:000000000000:task-definition/web:1",
        Status = "ACTIVE",
        RegisteredAt = DateTimeOffset.UnixEpoch,
        Definition = JsonSerializer.Serialize(
            new TaskDefinition
            {
                Family = "web",
                NetworkMode = networkMode,
                Cpu = cpu,
                Memory = memory,
                ContainerDefinitions = [.. containers],
                RequiresAttributes = [new Wharf.Protocol.Generated.Ecs.Attribute { Name = "ecs.capability.x" }],
                PlacementConstraints = [new TaskDefinitionPlacementConstraint { Type = "memberOf", Expression = "attribute:ecs.os-type == linux" }],
            },
            AwsJson.Options),
    };

    private static ContainerDefinition Container(string name, int? cpu = null, int? memory = null, int? reservation = null, params PortMapping[] ports) =>
        new() { Name = name, Image = "img", Cpu = cpu, Memory = memory, MemoryReservation = reservation, PortMappings = [.. ports] };

    [Fact]
    public void Create_ContainerLimits_ReservesSoftLimitWhereGivenElseHard()
    {
        var blueprint = TaskBlueprint.Create(Record(containers: [Container("a", cpu: 128, memory: 512, reservation: 256), Container("b", memory: 300)]));

        Assert.Equal(128, blueprint.ReservedCpu);
        Assert.Equal(556, blueprint.ReservedMemory);
        Assert.Null(blueprint.TaskCpu);
        Assert.Equal([new RequiredAttribute("ecs.capability.x")], blueprint.RequiredAttributes);
        Assert.Equal(PlacementConstraintType.MemberOf, Assert.Single(blueprint.Constraints).Type);
    }

    [Fact]
    public void Create_TaskLevelSizes_TakePrecedence()
    {
        var blueprint = TaskBlueprint.Create(Record(cpu: "0.5 vCPU", memory: "1 GB", containers: Container("a", memory: 256)));

        Assert.Equal(512, blueprint.ReservedCpu);
        Assert.Equal(1024, blueprint.ReservedMemory);
    }

    [Fact]
    public void Create_BridgeMode_OnlyNonZeroHostPortsAreStatic()
    {
        var blueprint = TaskBlueprint.Create(Record(containers: Container(
            "a",
            memory: 64,
            ports: [new PortMapping { ContainerPort = 80, HostPort = 0 }, new PortMapping { ContainerPort = 53, HostPort = 53, Protocol = "udp" }, new PortMapping { ContainerPort = 81 }])));

        Assert.Equal([new HostPort(53, TransportProtocol.Udp)], blueprint.StaticHostPorts);
    }

    [Fact]
    public void Create_HostMode_EveryContainerPortIsStatic()
    {
        var blueprint = TaskBlueprint.Create(Record("host", containers: Container("a", memory: 64, ports: [new PortMapping { ContainerPort = 8080 }])));

        Assert.Equal([new HostPort(8080)], blueprint.StaticHostPorts);
    }

    [Fact]
    public void Create_NoneMode_NoPorts()
    {
        var blueprint = TaskBlueprint.Create(Record("none", containers: Container("a", memory: 64, ports: [new PortMapping { ContainerPort = 8080, HostPort = 8080 }])));

        Assert.Empty(blueprint.StaticHostPorts);
    }

    [Fact]
    public void Create_Overrides_AppliedPerContainerAndTask()
    {
        var blueprint = TaskBlueprint.Create(
            Record(containers: [Container("a", cpu: 128, memory: 512), Container("b", memory: 128)]),
            new TaskOverride { ContainerOverrides = [new ContainerOverride { Name = "b", Cpu = 64, MemoryReservation = 64 }] });

        Assert.Equal(192, blueprint.ReservedCpu);
        Assert.Equal(576, blueprint.ReservedMemory);
        Assert.Equal(64, blueprint.Containers[1].MemoryReservation);
    }

    [Fact]
    public void ToPlacementRequest_CarriesReservationsGroupAndDefinitionRules()
    {
        var blueprint = TaskBlueprint.Create(Record(containers: Container("a", cpu: 10, memory: 20, ports: new PortMapping { ContainerPort = 1, HostPort = 1 })));

        var request = blueprint.ToPlacementRequest(new NewTaskOptions("service:api", "ecs-svc/1"), 3, [], null, PlacementOrigin.Service);

        Assert.Equal((10, 20, 3, "service:api", "web"), (request.Cpu, request.Memory, request.Count, request.Group, request.TaskDefinitionFamily));
        Assert.Single(request.TaskDefinitionConstraints);
        Assert.Single(request.RequiredAttributes);
        Assert.Equal(PlacementRequest.DefaultServiceStrategies, request.EffectiveStrategies);
    }

    [Theory]
    [InlineData("256", 256)]
    [InlineData("1 vCPU", 1024)]
    [InlineData("0.25 vcpu", 256)]
    [InlineData("2vCPU", 2048)]
    public void TryParseCpu_AcceptedForms_Units(string text, int expected)
    {
        Assert.True(TaskSizes.TryParseCpu(text, out var units));
        Assert.Equal(expected, units);
    }

    [Theory]
    [InlineData("512", 512)]
    [InlineData("1 GB", 1024)]
    [InlineData("0.5GB", 512)]
    public void TryParseMemory_AcceptedForms_MiB(string text, int expected)
    {
        Assert.True(TaskSizes.TryParseMemory(text, out var mib));
        Assert.Equal(expected, mib);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("lots")]
    [InlineData("1 GB")]
    public void TryParseCpu_Rejected_False(string text) => Assert.False(TaskSizes.TryParseCpu(text, out _));
}
