using System.Net;
using Wharf.Discovery.Hosting;
using Xunit;

namespace Wharf.Discovery.Tests.Hosting;

public sealed class BridgeGatewayTests
{
    private static readonly Func<string, IPAddress?> NoInterfaces = _ => null;

    [Fact]
    public void FromNetwork_IpamGateway_Taken()
    {
        const string json = """{"Name":"bridge","IPAM":{"Config":[{"Subnet":"fd00::/64","Gateway":"fd00::1"},{"Subnet":"172.18.0.0/16","Gateway":"172.18.0.1"}]}}""";

        Assert.Equal(IPAddress.Parse("172.18.0.1"), BridgeGateway.FromNetwork(json, NoInterfaces));
    }

    [Fact]
    public void FromNetwork_NoIpamGateway_AddressOfTheNamedBridge()
    {
        const string json = """{"Name":"bridge","IPAM":{"Config":[{"Subnet":"172.17.0.0/16"}]},"Options":{"com.docker.network.bridge.name":"br-wharf"}}""";
        string? asked = null;

        var address = BridgeGateway.FromNetwork(json, name =>
        {
            asked = name;
            return IPAddress.Parse("172.17.0.1");
        });

        Assert.Equal("br-wharf", asked);
        Assert.Equal(IPAddress.Parse("172.17.0.1"), address);
    }

    [Fact]
    public void FromNetwork_NoGatewayNoBridgeName_Docker0()
    {
        string? asked = null;

        var address = BridgeGateway.FromNetwork("""{"Name":"bridge","IPAM":{"Config":null}}""", name =>
        {
            asked = name;
            return null;
        });

        Assert.Equal(BridgeGateway.DefaultBridgeName, asked);
        Assert.Null(address);
    }
}
