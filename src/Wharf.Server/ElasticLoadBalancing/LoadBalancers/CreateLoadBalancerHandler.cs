using System.Text.RegularExpressions;
using Wharf.Core.Model;
using Wharf.Protocol.Generated.ElasticLoadBalancingV2;
using Wharf.Server.Api;
using Wharf.Server.Ec2;
using Wharf.Server.ElasticLoadBalancing.Common;

namespace Wharf.Server.ElasticLoadBalancing.LoadBalancers;

/// <summary>
/// CreateLoadBalancer (application type only). Subnets must be Wharf's default subnets (omitted: all
/// of them), security groups its default group. Repeating a call with the same name and settings
/// returns the existing balancer, as ELBv2 does; other settings under that name are a duplicate.
/// </summary>
internal sealed partial class CreateLoadBalancerHandler(ElbState elb, ElbNames names, DefaultNetwork network, TimeProvider time)
    : IOperationHandler<CreateLoadBalancerInput, CreateLoadBalancerOutput>
{
    public async ValueTask<CreateLoadBalancerOutput> HandleAsync(CreateLoadBalancerInput input, OperationContext context, CancellationToken cancellationToken)
    {
        var name = input.Name!;
        if (name.Length > 32 || !NamePattern().IsMatch(name) || name.StartsWith("internal-", StringComparison.Ordinal))
        {
            throw ElbErrors.Validation(
                $"The load balancer name '{name}' is not valid: up to 32 alphanumeric characters or hyphens, not starting or ending with a hyphen, nor with 'internal-'");
        }

        if (input.Type is not (null or "application"))
        {
            throw ElbErrors.Validation($"Load balancer type '{input.Type}' is not supported by Wharf; only 'application' is");
        }

        var scheme = input.Scheme ?? "internet-facing";
        if (scheme is not ("internet-facing" or "internal"))
        {
            throw ElbErrors.Validation($"Scheme '{scheme}' must be 'internet-facing' or 'internal'");
        }

        if (input.IpAddressType is not (null or "ipv4" or "dualstack"))
        {
            throw ElbErrors.Validation($"IP address type '{input.IpAddressType}' must be 'ipv4' or 'dualstack'");
        }

        ElbTags.Validate(input.Tags);
        var zones = await ZonesAsync(input, cancellationToken);
        var groups = input.SecurityGroups is { Count: > 0 } given ? given.Distinct(StringComparer.Ordinal).ToList() : [network.SecurityGroupId];
        foreach (var group in groups)
        {
            if (group != network.SecurityGroupId)
            {
                throw ElbErrors.InvalidSecurityGroup($"One or more security groups are invalid: '{group}' does not exist");
            }
        }

        var record = await elb.Repository.RetryAsync(async ct =>
        {
            var existing = (await elb.LoadBalancersAsync(ct)).FirstOrDefault(l => l.Value.Name == name)?.Value;
            if (existing is not null)
            {
                if (existing.Scheme == scheme && existing.Zones.SequenceEqual(zones) && existing.SecurityGroups.SequenceEqual(groups))
                {
                    return existing;
                }

                throw ElbErrors.DuplicateLoadBalancerName();
            }

            var id = ElbNames.NewId();
            var created = new LoadBalancerRecord
            {
                Arn = names.LoadBalancer(name, id),
                Name = name,
                Id = id,
                DnsName = (scheme == "internal" ? "internal-" : "") + names.DnsName(name, id),
                CreatedAt = time.GetUtcNow(),
                Scheme = scheme,
                IpAddressType = input.IpAddressType ?? "ipv4",
                VpcId = network.VpcId,
                Zones = zones,
                SecurityGroups = groups,
            };
            var write = elb.Repository.Begin();
            write.Put(LoadBalancingKinds.LoadBalancer, created.Arn, "", created, 0);
            ElbTags.PutNew(write, created.Arn, input.Tags);
            await write.CommitAsync(ct);
            return created;
        }, cancellationToken);

        return new CreateLoadBalancerOutput { LoadBalancers = [ElbMapper.ToWire(record)] };
    }

    private async ValueTask<List<ZoneSubnet>> ZonesAsync(CreateLoadBalancerInput input, CancellationToken cancellationToken)
    {
        var subnets = await network.SubnetsAsync(cancellationToken);
        var wanted = new List<string>(input.Subnets ?? []);
        wanted.AddRange((input.SubnetMappings ?? []).Select(m => m.SubnetId ?? ""));
        if (wanted.Count == 0)
        {
            return subnets.ToList();
        }

        var result = new List<ZoneSubnet>();
        foreach (var id in wanted.Distinct(StringComparer.Ordinal))
        {
            var subnet = subnets.FirstOrDefault(s => s.SubnetId == id) ?? throw ElbErrors.SubnetNotFound($"The specified subnet does not exist: '{id}'");
            if (result.Any(r => r.ZoneName == subnet.ZoneName))
            {
                throw ElbErrors.Validation($"You can specify only one subnet per Availability Zone; '{subnet.ZoneName}' was given twice");
            }

            result.Add(subnet);
        }

        return result.OrderBy(z => z.ZoneName, StringComparer.Ordinal).ToList();
    }

    [GeneratedRegex("^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$")]
    private static partial Regex NamePattern();
}
