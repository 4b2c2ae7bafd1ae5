using System.Security.Cryptography;
using System.Text;
using Wharf.Core.Model;
using Wharf.Server.State;

namespace Wharf.Server.Ec2;

/// <summary>
/// Wharf's one network as EC2 ids: a default VPC, one default subnet per availability zone of the
/// registered hosts (their <c>ecs.availability-zone</c> attribute; <c>{region}a</c> when there is
/// none yet) and the VPC's default security group. Ids derive from the region and zone names, so
/// they are the same on every call and across restarts. Stateless.
/// </summary>
internal sealed class DefaultNetwork(StateRepository state, WharfServerOptions options)
{
    public const string VpcCidr = "172.31.0.0/16";

    public string VpcId => "vpc-" + Hash("vpc|" + options.Region);

    public string SecurityGroupId => "sg-" + Hash("sg|" + options.Region);

    /// <summary>The default VPC's main route table.</summary>
    public string RouteTableId => "rtb-" + Hash("rtb|" + options.Region);

    /// <summary>The default VPC's internet gateway, the target of its default route.</summary>
    public string InternetGatewayId => "igw-" + Hash("igw|" + options.Region);

    public string Region => options.Region;

    public string AccountId => options.AccountId;

    public static string SubnetId(string zone) => "subnet-" + Hash("subnet|" + zone);

    /// <summary>
    /// EC2's private DNS name of an address in the VPC: <c>ip-172-31-0-5.ec2.internal</c> in
    /// us-east-1, <c>ip-….{region}.compute.internal</c> elsewhere.
    /// </summary>
    public static string PrivateDnsName(string address, string region) =>
        $"ip-{address.Replace('.', '-')}.{(region == "us-east-1" ? "ec2.internal" : region + ".compute.internal")}";

    /// <summary>
    /// The zone's default subnet CIDR block, from the zone's own name, so it never changes when
    /// other zones register (agents build a Docker network per subnet with it): an AWS-style zone
    /// name ending in a letter after a digit (<c>us-east-1a</c> → a) takes block a = 0 …
    /// p = 15 (<c>172.31.0.0/20</c>, <c>172.31.16.0/20</c>, …); any other name a block from a
    /// hash of it.
    /// </summary>
    public static string SubnetCidr(string zone) => $"172.31.{ZoneBlock(zone) * 16}.0/20";

    private static int ZoneBlock(string zone)
    {
        if (zone.Length >= 2 && zone[^1] is >= 'a' and <= 'p' && char.IsAsciiDigit(zone[^2]))
        {
            return zone[^1] - 'a';
        }

        return SHA256.HashData(Encoding.UTF8.GetBytes(zone))[0] % 16;
    }

    /// <summary>The availability zones of the registered hosts, sorted.</summary>
    public async ValueTask<IReadOnlyList<string>> ZonesAsync(CancellationToken cancellationToken)
    {
        var zones = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var instance in await state.ListAsync<ContainerInstanceRecord>(StateKinds.ContainerInstance, null, cancellationToken))
        {
            var zone = instance.Value.Attributes.FirstOrDefault(a => a.Name == "ecs.availability-zone")?.Value;
            if (!string.IsNullOrEmpty(zone))
            {
                zones.Add(zone);
            }
        }

        if (zones.Count == 0)
        {
            zones.Add(options.Region + "a");
        }

        return zones.ToList();
    }

    /// <summary>The default subnets: (zone, subnet id), by zone.</summary>
    public async ValueTask<IReadOnlyList<ZoneSubnet>> SubnetsAsync(CancellationToken cancellationToken) =>
        (await ZonesAsync(cancellationToken)).Select(z => new ZoneSubnet(z, SubnetId(z))).ToList();

    /// <summary>17 hex digits derived from <paramref name="text"/>: EC2-style ids that stay the same across calls and restarts.</summary>
    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..17];
}
