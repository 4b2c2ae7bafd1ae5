using Wharf.Agent.Docker;
using Xunit;

namespace Wharf.Agent.Tests.Docker;

public sealed class DockerMappingTests
{
    [Theory]
    [InlineData("web", "web", "latest")]
    [InlineData("web:1.2", "web", "1.2")]
    [InlineData("registry.local:5000/team/web", "registry.local:5000/team/web", "latest")]
    [InlineData("registry.local:5000/team/web:2", "registry.local:5000/team/web", "2")]
    [InlineData("web@sha256:abc", "web@sha256:abc", null)]
    public void Split_ImageReference_GivesRepositoryAndTag(string image, string repository, string? tag) =>
        Assert.Equal((repository, tag), ImageReference.Split(image));

    [Theory]
    [InlineData("1.41", "1.12", "1.41")]
    [InlineData("1.52", "1.44", "1.47")]
    [InlineData("1.52", "1.48", "1.48")]
    public void Negotiate_EngineVersions_PicksTheNewestBothSpeak(string engine, string minimum, string expected) =>
        Assert.Equal(Version.Parse(expected), DockerEngine.Negotiate(engine, minimum));

    [Fact]
    public void ToParameters_Request_MapsLimitsPortsAndHealthCheck()
    {
        var request = new ContainerCreateRequest
        {
            Name = "ecs-web-1-web-00",
            Image = "web:latest",
            CpuShares = 2,
            MemoryBytes = 64L * 1024 * 1024,
            MemoryReservationBytes = 32L * 1024 * 1024,
            PortBindings = [new PortBinding(8080, 49200, "tcp")],
            HealthCheck = new HealthCheckConfig(["CMD-SHELL", "true"], TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(2), 3, TimeSpan.Zero),
            Ulimits = [("nofile", 1024, 2048)],
        };

        var parameters = DockerEngine.ToParameters(request);

        Assert.Equal(2, parameters.HostConfig!.CPUShares);
        Assert.Equal(64L * 1024 * 1024, parameters.HostConfig.Memory);
        Assert.Equal(32L * 1024 * 1024, parameters.HostConfig.MemoryReservation);
        Assert.Equal("49200", parameters.HostConfig.PortBindings!["8080/tcp"][0].HostPort);
        Assert.True(parameters.ExposedPorts!.ContainsKey("8080/tcp"));
        Assert.Equal(TimeSpan.FromSeconds(5), parameters.Healthcheck!.Interval);
        Assert.Equal("nofile", parameters.HostConfig.Ulimits![0].Name);
        Assert.Null(parameters.Cmd);
    }
}
