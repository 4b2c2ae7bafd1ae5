using System.Net;
using Wharf.Discovery.Hosting;
using Xunit;

namespace Wharf.Discovery.Tests.Hosting;

public sealed class DnsHostSettingsTests
{
    [Fact]
    public void Parse_Nothing_LoopbackPort53AndContainersOnTheBridgeGateway()
    {
        var settings = DnsHostSettings.Parse(null, null, null);

        Assert.Equal([new IPEndPoint(IPAddress.Loopback, 53)], settings.Endpoints);
        Assert.True(settings.Enabled);
        Assert.True(settings.ContainerDns);
        Assert.Null(settings.ContainerAddress);
        Assert.Equal("unix:///var/run/docker.sock", settings.DockerEndpoint);
        Assert.Equal("/etc/resolv.conf", settings.ResolvConfPath);
    }

    [Fact]
    public void Parse_PortAndBindList_EveryAddressOnThatPort()
    {
        var settings = DnsHostSettings.Parse("5353", "127.0.0.1, 10.0.0.5", "auto");

        Assert.Equal([new IPEndPoint(IPAddress.Loopback, 5353), new IPEndPoint(IPAddress.Parse("10.0.0.5"), 5353)], settings.Endpoints);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("off")]
    public void Parse_PortOff_Disabled(string port)
    {
        var settings = DnsHostSettings.Parse(port, null, null);

        Assert.False(settings.Enabled);
        Assert.Empty(settings.Endpoints);
    }

    [Fact]
    public void Parse_ContainerOff_NoContainerDns()
    {
        Assert.False(DnsHostSettings.Parse(null, null, "off").ContainerDns);
    }

    [Fact]
    public void Parse_ContainerAddress_Fixed()
    {
        var settings = DnsHostSettings.Parse(null, null, " 192.168.1.20 ");

        Assert.True(settings.ContainerDns);
        Assert.Equal(IPAddress.Parse("192.168.1.20"), settings.ContainerAddress);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("fd00::1")]
    [InlineData("gateway")]
    public void Parse_ContainerAddressUnusable_Rejected(string value)
    {
        var error = Assert.Throws<ArgumentException>(() => DnsHostSettings.Parse(null, null, value));

        Assert.Contains("WHARF_DNS_CONTAINER_ADDRESS", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("65536")]
    [InlineData("-1")]
    [InlineData("fifty")]
    public void Parse_BadPort_Rejected(string port)
    {
        Assert.Throws<ArgumentException>(() => DnsHostSettings.Parse(port, null, null));
    }

    [Fact]
    public void Parse_BadBindAddress_Rejected()
    {
        Assert.Throws<ArgumentException>(() => DnsHostSettings.Parse(null, "localhost", null));
    }
}
