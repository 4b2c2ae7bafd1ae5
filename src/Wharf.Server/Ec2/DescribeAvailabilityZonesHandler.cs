using Wharf.Protocol.Generated.Ec2;
using Wharf.Server.Api;

namespace Wharf.Server.Ec2;

/// <summary>DescribeAvailabilityZones: the zones of the registered hosts; an unknown zone name is refused.</summary>
internal sealed class DescribeAvailabilityZonesHandler(DefaultNetwork network)
    : IOperationHandler<DescribeAvailabilityZonesRequest, DescribeAvailabilityZonesResult>
{
    public async ValueTask<DescribeAvailabilityZonesResult> HandleAsync(
        DescribeAvailabilityZonesRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        if (input.DryRun == true)
        {
            throw Ec2Errors.DryRun();
        }

        var zones = (await network.ZonesAsync(cancellationToken)).Select(z => new AvailabilityZone
        {
            ZoneName = z,
            ZoneId = ZoneIds.Of(z),
            RegionName = network.Region,
            State = "available",
            OptInStatus = "opt-in-not-required",
            GroupName = network.Region,
            NetworkBorderGroup = network.Region,
            ZoneType = "availability-zone",
            Messages = [],
        }).ToList();

        foreach (var name in input.ZoneNames ?? [])
        {
            if (zones.All(z => z.ZoneName != name))
            {
                throw Ec2Errors.ZoneNotFound(name);
            }
        }

        foreach (var id in input.ZoneIds ?? [])
        {
            if (zones.All(z => z.ZoneId != id))
            {
                throw Ec2Errors.ZoneNotFound(id);
            }
        }

        var selected = zones.Where(z =>
            (input.ZoneNames is not { Count: > 0 } || input.ZoneNames.Contains(z.ZoneName!))
            && (input.ZoneIds is not { Count: > 0 } || input.ZoneIds.Contains(z.ZoneId!))
            && Ec2Filters.Match(input.Filters, name => name switch
            {
                "zone-name" => [z.ZoneName!],
                "zone-id" => [z.ZoneId!],
                "region-name" => [z.RegionName!],
                "state" => ["available"],
                "zone-type" => ["availability-zone"],
                _ => null,
            })).ToList();
        return new DescribeAvailabilityZonesResult { AvailabilityZones = selected };
    }
}
