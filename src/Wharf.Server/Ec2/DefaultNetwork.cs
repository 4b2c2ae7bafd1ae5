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

    /// <summary>The zone's index in the region (a → 0), used for its subnet's CIDR block.</summary>
    public static string SubnetCidr(int index) => $"172.31.{(index * 16) % 256}.0/20";

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
