using System.Text.Json;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Protocol.Json;
using Xunit;
using Task = System.Threading.Tasks.Task;

namespace Wharf.Server.Tests.Ecs.TaskDefinitions;

public sealed class RegisterTaskDefinitionHandlerTests
{
    private readonly EcsTestBed bed = new();

    [Fact]
    public async Task HandleAsync_WebDefinition_StoresRevisionOneWithEcsDefaults()
    {
        var definition = await bed.RegisterAsync();

        Assert.Equal(EcsTestBed.Prefix + "task-definition/web:1", definition.TaskDefinitionArn);
        Assert.Equal(1, definition.Revision);
        Assert.Equal("ACTIVE", definition.Status);
        Assert.Equal(EcsTestBed.Start, definition.RegisteredAt);
        Assert.Equal("arn:aws:iam::000000000000:root", definition.RegisteredBy);
        Assert.Equal(["EXTERNAL", "EC2"], definition.Compatibilities!);
        Assert.Empty(definition.Volumes!);
        Assert.Empty(definition.PlacementConstraints!);
        var container = Assert.Single(definition.ContainerDefinitions!);
        Assert.True(container.Essential);
        Assert.Empty(container.MountPoints!);
        Assert.Empty(container.VolumesFrom!);
        var mapping = Assert.Single(container.PortMappings!);
        Assert.Equal((80, 0, "tcp"), (mapping.ContainerPort, mapping.HostPort, mapping.Protocol));
        Assert.Contains(definition.RequiresAttributes!, a => a.Name == "com.amazonaws.ecs.capability.docker-remote-api.1.18");
    }

    [Fact]
    public async Task HandleAsync_SameFamilyTwice_IncrementsRevision()
    {
        await bed.RegisterAsync();

        var second = await bed.RegisterAsync();

        Assert.Equal(2, second.Revision);
        Assert.EndsWith("web:2", second.TaskDefinitionArn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_ConcurrentRegistrationOfOneFamily_GetsDistinctRevisions()
    {
        var raced = false;
        bed.Store.BeforeCommit = () =>
        {
            if (!raced)
            {
                raced = true;
                bed.RegisterAsync(EcsTestBed.WebDefinition()).GetAwaiter().GetResult();
            }
        };

        var definition = await bed.RegisterAsync();

        Assert.Equal(2, definition.Revision);
        Assert.NotNull(await bed.Definitions.FindAsync("web:1", default));
    }

    [Fact]
    public async Task HandleAsync_Registered_DescribeReturnsTheSameJson()
    {
        var registered = await bed.RegisterAsync();

        var described = await bed.DescribeTaskDefinition.HandleAsync(
            new DescribeTaskDefinitionRequest { TaskDefinition = "web:1" }, EcsTestBed.Context, default);

        Assert.Equal(JsonSerializer.Serialize(registered, AwsJson.Options), JsonSerializer.Serialize(described.TaskDefinition, AwsJson.Options));
    }

    [Theory]
    [InlineData("1 vCPU", "2GB", "1024", "2048")]
    [InlineData("0.5 vcpu", "1 GB", "512", "1024")]
    [InlineData("256", "512", "256", "512")]
    public async Task HandleAsync_TaskSizeInUnits_IsStoredAsWholeNumbers(string cpu, string memory, string expectedCpu, string expectedMemory)
    {
        var request = EcsTestBed.WebDefinition();
        request.Cpu = cpu;
        request.Memory = memory;
        request.ContainerDefinitions![0].Memory = null;

        var definition = await bed.RegisterAsync(request);

        Assert.Equal((expectedCpu, expectedMemory), (definition.Cpu, definition.Memory));
    }

    [Fact]
    public async Task HandleAsync_HostMode_HostPortDefaultsToContainerPort()
    {
        var request = EcsTestBed.WebDefinition();
        request.NetworkMode = "host";
        request.ContainerDefinitions![0].PortMappings = [new PortMapping { ContainerPort = 8080 }];

        var definition = await bed.RegisterAsync(request);

        Assert.Equal(8080, definition.ContainerDefinitions![0].PortMappings![0].HostPort);
        Assert.Equal("host", definition.NetworkMode);
    }

    [Fact]
    public async Task HandleAsync_AwsvpcWithFargateSize_IsAlsoFargateCompatible()
    {
        var request = EcsTestBed.WebDefinition();
        request.NetworkMode = "awsvpc";
        request.Cpu = "256";
        request.Memory = "512";
        request.ContainerDefinitions![0].PortMappings = [new PortMapping { ContainerPort = 80 }];

        var definition = await bed.RegisterAsync(request);

        Assert.Equal(["EC2", "FARGATE"], definition.Compatibilities!);
        Assert.Contains(definition.RequiresAttributes!, a => a.Name == "ecs.capability.task-eni");
    }

    [Fact]
    public async Task HandleAsync_FeaturesUsed_AddRequiredAttributes()
    {
        var request = EcsTestBed.WebDefinition();
        request.ContainerDefinitions!.Add(new ContainerDefinition
        {
            Name = "sidecar",
            Image = "wharf/busybox",
            MemoryReservation = 32,
            Essential = false,
            HealthCheck = new HealthCheck { Command = ["CMD-SHELL", "true"] },
            LogConfiguration = new LogConfiguration { LogDriver = "awslogs" },
        });
        request.ContainerDefinitions[0].DependsOn = [new ContainerDependency { ContainerName = "sidecar", Condition = "HEALTHY" }];

        var definition = await bed.RegisterAsync(request);

        var names = definition.RequiresAttributes!.Select(a => a.Name).ToList();
        Assert.Contains("com.amazonaws.ecs.capability.docker-remote-api.1.21", names);
        Assert.Contains("ecs.capability.container-health-check", names);
        Assert.Contains("ecs.capability.container-ordering", names);
        Assert.Contains("com.amazonaws.ecs.capability.logging-driver.awslogs", names);
        var check = definition.ContainerDefinitions!.Single(c => c.Name == "sidecar").HealthCheck!;
        Assert.Equal((30, 5, 3), (check.Interval, check.Timeout, check.Retries));
    }

    [Fact]
    public async Task HandleAsync_Tags_AreStoredAndReturned()
    {
        var request = EcsTestBed.WebDefinition();
        request.Tags = [new Tag { Key = "team", Value = "web" }];

        var response = await bed.RegisterTaskDefinition.HandleAsync(request, EcsTestBed.Context, default);
        var described = await bed.DescribeTaskDefinition.HandleAsync(
            new DescribeTaskDefinitionRequest { TaskDefinition = "web", Include = ["TAGS"] }, EcsTestBed.Context, default);

        Assert.Equal("web", Assert.Single(response.Tags!).Value);
        Assert.Equal("team", Assert.Single(described.Tags!).Key);
    }
}
