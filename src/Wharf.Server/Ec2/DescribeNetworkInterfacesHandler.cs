using Wharf.Core.Model;
using Wharf.Protocol.Generated.Ec2;
using Wharf.Server.Api;
using Wharf.Server.Placement;
using Wharf.Server.State;

namespace Wharf.Server.Ec2;

/// <summary>
/// DescribeNetworkInterfaces: the ENIs of <c>awsvpc</c> tasks that ECS has not deleted, as
/// <see cref="TaskNetworkInterfaceMapper"/> shows them, by id and EC2 filters. Balancers have no
/// interfaces (they listen on the host), so Terraform's wait after deleting an <c>aws_lb</c>, a
/// filter on its <c>ELB app/…</c> description, finds none. An unknown id is refused, as EC2 does.
/// </summary>
internal sealed class DescribeNetworkInterfacesHandler(StateRepository state, DefaultNetwork network)
    : IOperationHandler<DescribeNetworkInterfacesRequest, DescribeNetworkInterfacesResult>
{
    public async ValueTask<DescribeNetworkInterfacesResult> HandleAsync(
        DescribeNetworkInterfacesRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        if (input.DryRun == true)
        {
            throw Ec2Errors.DryRun();
        }

        var all = await InterfacesAsync(cancellationToken);
        foreach (var id in input.NetworkInterfaceIds ?? [])
        {
            if (all.All(e => e.NetworkInterfaceId != id))
            {
                throw Ec2Errors.NetworkInterfaceNotFound(id);
            }
        }

        var selected = all.Where(e => (input.NetworkInterfaceIds is not { Count: > 0 } || input.NetworkInterfaceIds.Contains(e.NetworkInterfaceId!))
            && Ec2Filters.Match(input.Filters, name => TaskNetworkInterfaceMapper.Field(e, name))).ToList();
        return new DescribeNetworkInterfacesResult { NetworkInterfaces = selected };
    }

    private async ValueTask<List<NetworkInterface>> InterfacesAsync(CancellationToken cancellationToken)
    {
        var tasks = (await state.ListAsync<TaskRecord>(StateKinds.Task, null, cancellationToken))
            .Select(t => t.Value).Where(t => t.NetworkInterface is { Status: not NetworkInterfaceStatuses.Deleted }).ToList();
        if (tasks.Count == 0)
        {
            return [];
        }

        var instances = (await state.ListAsync<ContainerInstanceRecord>(StateKinds.ContainerInstance, null, cancellationToken))
            .ToDictionary(i => i.Value.Arn, i => i.Value.Ec2InstanceId, StringComparer.Ordinal);
        var zonesBySubnet = (await network.SubnetsAsync(cancellationToken)).ToDictionary(s => s.SubnetId, s => s.ZoneName, StringComparer.Ordinal);
        var result = new List<NetworkInterface>(tasks.Count);
        foreach (var task in tasks.OrderBy(t => t.NetworkInterface!.NetworkInterfaceId, StringComparer.Ordinal))
        {
            var zone = task.AvailabilityZone ?? zonesBySubnet.GetValueOrDefault(task.NetworkInterface!.SubnetId);
            var ec2 = task.ContainerInstanceArn is { } arn ? instances.GetValueOrDefault(arn) : null;
            if (TaskNetworkInterfaceMapper.Map(task, zone, ec2, network) is { } eni)
            {
                result.Add(eni);
            }
        }

        return result;
    }
}
