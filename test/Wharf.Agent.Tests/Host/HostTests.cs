using System.Runtime.InteropServices;
using Wharf.Agent.Host;
using Xunit;

namespace Wharf.Agent.Tests.Host;

public sealed class HostTests
{
    private static readonly AgentOptions Options = new()
    {
        ServerUrl = new Uri("http://127.0.0.1:4566"),
        JoinToken = "token",
        StateDirectory = "/nowhere",
        Region = "eu-west-1",
        ReservedMemoryMiB = 256,
        Attributes = new Dictionary<string, string> { ["stack"] = "blue" },
    };

    [Fact]
    public void Detect_FromCoresAndMeminfo_AdvertisesUnitsMemoryAndAttributes()
    {
        var resources = HostResources.Detect(Options, 2, "MemTotal:        4194304 kB\nMemFree:  100 kB\n");

        Assert.Equal(2048, resources.CpuUnits);
        Assert.Equal(4096 - 256, resources.MemoryMiB);
        Assert.Equal("linux", resources.Attributes["ecs.os-type"]);
        Assert.Equal("eu-west-1a", resources.Attributes["ecs.availability-zone"]);
        Assert.Equal("wharf.host", resources.Attributes["ecs.instance-type"]);
        Assert.Equal(HostResources.Architecture(RuntimeInformation.OSArchitecture), resources.Attributes["ecs.cpu-architecture"]);
        Assert.Equal("blue", resources.Attributes["stack"]);
    }

    [Fact]
    public void Detect_WithOverrides_UsesThem()
    {
        var resources = HostResources.Detect(Options with { CpuUnits = 512, MemoryMiB = 1000, AvailabilityZone = "dc1-rack4" }, 8, null);

        Assert.Equal(512, resources.CpuUnits);
        Assert.Equal(1000, resources.MemoryMiB);
        Assert.Equal("dc1-rack4", resources.Attributes["ecs.availability-zone"]);
    }

    [Fact]
    public void Detect_WithEngineApi141_AdvertisesRemoteApiCapabilitiesUpToIt()
    {
        var resources = HostResources.Detect(Options, 2, null, "1.41");

        Assert.True(resources.Attributes.ContainsKey("com.amazonaws.ecs.capability.docker-remote-api.1.17"));
        Assert.True(resources.Attributes.ContainsKey("com.amazonaws.ecs.capability.docker-remote-api.1.41"));
        Assert.False(resources.Attributes.ContainsKey("com.amazonaws.ecs.capability.docker-remote-api.1.42"));
        Assert.True(resources.Attributes.ContainsKey("ecs.capability.container-health-check"));
        Assert.True(resources.Attributes.ContainsKey("com.amazonaws.ecs.capability.logging-driver.awslogs"));
        Assert.True(resources.Attributes.ContainsKey("ecs.capability.execution-role-awslogs"));
        Assert.False(resources.Attributes.ContainsKey("ecs.capability.execution-role-ecr-pull"));
        Assert.False(resources.Attributes.ContainsKey("com.amazonaws.ecs.capability.task-iam-role"));
    }

    [Theory]
    [InlineData(Architecture.X64, "x86_64")]
    [InlineData(Architecture.Arm64, "arm64")]
    public void Architecture_InEcsWords(Architecture architecture, string expected) =>
        Assert.Equal(expected, HostResources.Architecture(architecture));

    [Fact]
    public void ListeningPorts_Parse_ReturnsOnlyListeningSockets()
    {
        const string table = """
              sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
               0: 00000000:11D6 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1
               1: 0100007F:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 2 1
               2: 0100007F:C350 0100007F:11D6 01 00000000:00000000 00:00000000 00000000     0        0 3 1
            """;

        Assert.Equal([4566, 22], ListeningPorts.Parse(table));
    }

    [Fact]
    public void NewInstanceId_LooksLikeAnEc2InstanceId() =>
        Assert.Matches("^i-[0-9a-f]{17}$", AgentIdentityStore.NewInstanceId());
}
