using System.Globalization;
using Wharf.Core.Model;
using Wharf.Protocol.Generated.Ec2;
using Wharf.Server.Placement;

namespace Wharf.Server.Ec2;

/// <summary>
/// The elastic network interface of an <c>awsvpc</c> task as EC2 shows the ENIs ECS manages:
/// type <c>interface</c>, described by the ECS attachment's ARN, requester-managed, in the default
/// VPC, attached to the task's container instance (device index 1, as ECS attaches task ENIs after
/// the primary one) while ECS reports it <c>ATTACHED</c> and <c>available</c> before and after.
/// The address and MAC appear once the agent has reported them. Pure.
/// </summary>
internal static class TaskNetworkInterfaceMapper
{
    /// <summary>The EC2 view of <paramref name="task"/>'s ENI; null when it has none or ECS deleted it.</summary>
    public static NetworkInterface? Map(TaskRecord task, string? zone, string? ec2InstanceId, DefaultNetwork network)
    {
        if (task.NetworkInterface is not { Status: not NetworkInterfaceStatuses.Deleted } eni)
        {
            return null;
        }

        var attached = eni.Status == NetworkInterfaceStatuses.Attached;
        var dnsName = eni.PrivateIpv4Address is { } address ? DefaultNetwork.PrivateDnsName(address, network.Region) : null;
        return new NetworkInterface
        {
            NetworkInterfaceId = eni.NetworkInterfaceId,
            InterfaceType = "interface",
            Description = $"arn:aws:ecs:{network.Region}:{network.AccountId}:attachment/{eni.AttachmentId}",
            Status = attached ? "in-use" : "available",
            SubnetId = eni.SubnetId,
            VpcId = network.VpcId,
            AvailabilityZone = zone,
            AvailabilityZoneId = zone is null ? null : ZoneIds.Of(zone),
            OwnerId = network.AccountId,
            RequesterManaged = true,
            SourceDestCheck = true,
            PrivateIpAddress = eni.PrivateIpv4Address,
            PrivateDnsName = dnsName,
            PrivateIpAddresses = eni.PrivateIpv4Address is null
                ? []
                : [new NetworkInterfacePrivateIpAddress { Primary = true, PrivateIpAddress = eni.PrivateIpv4Address, PrivateDnsName = dnsName }],
            MacAddress = eni.MacAddress,
            Groups = [.. eni.SecurityGroups.Select(g => new GroupIdentifier { GroupId = g, GroupName = g == network.SecurityGroupId ? "default" : null })],
            Ipv6Addresses = [],
            TagSet = [],
            Attachment = attached
                ? new NetworkInterfaceAttachment
                {
                    AttachmentId = "eni-attach-" + DefaultNetwork.Hash("eni-attach|" + eni.NetworkInterfaceId),
                    AttachTime = task.CreatedAt,
                    DeleteOnTermination = false,
                    DeviceIndex = 1,
                    NetworkCardIndex = 0,
                    InstanceId = ec2InstanceId,
                    InstanceOwnerId = network.AccountId,
                    Status = "attached",
                }
                : null,
        };
    }

    /// <summary>The filter values of <paramref name="eni"/> for <paramref name="name"/>; null for a filter Wharf does not know (matches nothing).</summary>
    public static IEnumerable<string>? Field(NetworkInterface eni, string name) => name switch
    {
        "network-interface-id" => [eni.NetworkInterfaceId!],
        "subnet-id" => [eni.SubnetId!],
        "vpc-id" => [eni.VpcId!],
        "description" => [eni.Description!],
        "status" => [eni.Status!],
        "interface-type" => [eni.InterfaceType!],
        "availability-zone" => Present(eni.AvailabilityZone),
        "availability-zone-id" => Present(eni.AvailabilityZoneId),
        "private-ip-address" or "addresses.private-ip-address" => Present(eni.PrivateIpAddress),
        "private-dns-name" => Present(eni.PrivateDnsName),
        "addresses.primary" => eni.PrivateIpAddress is null ? [] : ["true"],
        "mac-address" => Present(eni.MacAddress),
        "group-id" => eni.Groups!.Select(g => g.GroupId!),
        "group-name" => eni.Groups!.Where(g => g.GroupName is not null).Select(g => g.GroupName!),
        "owner-id" => [eni.OwnerId!],
        "requester-managed" => ["true"],
        "source-dest-check" => ["true"],
        "attachment.attachment-id" => Present(eni.Attachment?.AttachmentId),
        "attachment.instance-id" => Present(eni.Attachment?.InstanceId),
        "attachment.instance-owner-id" => Present(eni.Attachment?.InstanceOwnerId),
        "attachment.status" => Present(eni.Attachment?.Status),
        "attachment.device-index" => Present(eni.Attachment?.DeviceIndex?.ToString(CultureInfo.InvariantCulture)),
        "attachment.delete-on-termination" => eni.Attachment is null ? [] : ["false"],
        "tag-key" => [],
        _ when name.StartsWith("tag:", StringComparison.Ordinal) => [],
        _ => null,
    };

    private static string[] Present(string? value) => value is null ? [] : [value];
}
