using System.Text.RegularExpressions;
using Wharf.Core.Model;
using Wharf.Protocol.Generated.ElasticLoadBalancingV2;
using Wharf.Server.Api;
using Wharf.Server.Ec2;
using Wharf.Server.ElasticLoadBalancing.Common;

namespace Wharf.Server.ElasticLoadBalancing.TargetGroups;

/// <summary>
/// CreateTargetGroup for instance and ip targets over HTTP(S), filling health check settings with
/// AWS's defaults for application target groups. Same name and settings returns the existing group.
/// </summary>
internal sealed partial class CreateTargetGroupHandler(ElbState elb, ElbNames names, DefaultNetwork network, TimeProvider time)
    : IOperationHandler<CreateTargetGroupInput, CreateTargetGroupOutput>
{
    public async ValueTask<CreateTargetGroupOutput> HandleAsync(CreateTargetGroupInput input, OperationContext context, CancellationToken cancellationToken)
    {
        var name = input.Name!;
        if (name.Length > 32 || !NamePattern().IsMatch(name))
        {
            throw ElbErrors.Validation(
                $"Target group name '{name}' can have a maximum of 32 characters, contain only alphanumeric characters or hyphens, and must not begin or end with a hyphen");
        }

        var targetType = input.TargetType ?? "instance";
        if (targetType is not ("instance" or "ip"))
        {
            throw ElbErrors.Validation($"Target type '{targetType}' is not supported by Wharf; use 'instance' or 'ip'");
        }

        var protocol = input.Protocol ?? throw ElbErrors.Validation("A protocol must be specified");
        if (protocol is not ("HTTP" or "HTTPS"))
        {
            throw ElbErrors.Validation($"Protocol '{protocol}' is not supported for an application target group; use HTTP or HTTPS");
        }

        var port = input.Port ?? throw ElbErrors.Validation("A port must be specified");
        if (port is < 1 or > 65535)
        {
            throw ElbErrors.Validation($"Port '{port}' must be from 1 to 65535");
        }

        if (input.VpcId is { } vpc && vpc != network.VpcId)
        {
            throw ElbErrors.Validation($"The VPC ID '{vpc}' is not found");
        }

        // An empty value is the default, as on AWS (Terraform's provider sends ProtocolVersion= when unset).
        var protocolVersion = string.IsNullOrEmpty(input.ProtocolVersion) ? "HTTP1" : input.ProtocolVersion;
        if (protocolVersion is not ("HTTP1" or "HTTP2" or "GRPC"))
        {
            throw ElbErrors.Validation($"Protocol version '{input.ProtocolVersion}' must be HTTP1, HTTP2 or GRPC");
        }

        var check = new HealthCheckSettings
        {
            Enabled = input.HealthCheckEnabled ?? true,
            Protocol = input.HealthCheckProtocol ?? "HTTP",
            Port = input.HealthCheckPort ?? "traffic-port",
            Path = input.HealthCheckPath ?? "/",
            IntervalSeconds = input.HealthCheckIntervalSeconds ?? 30,
            TimeoutSeconds = input.HealthCheckTimeoutSeconds ?? 5,
            HealthyThreshold = input.HealthyThresholdCount ?? 5,
            UnhealthyThreshold = input.UnhealthyThresholdCount ?? 2,
            Matcher = input.Matcher?.HttpCode ?? "200",
        };
        HealthCheckRules.Validate(check);
        ElbTags.Validate(input.Tags);

        var record = await elb.Repository.RetryAsync(async ct =>
        {
            var existing = (await elb.TargetGroupsAsync(ct)).FirstOrDefault(t => t.Value.Name == name)?.Value;
            if (existing is not null)
            {
                if (existing.Protocol == protocol && existing.Port == port && existing.TargetType == targetType && existing.HealthCheck == check)
                {
                    return existing;
                }

                throw ElbErrors.DuplicateTargetGroupName();
            }

            var created = new TargetGroupRecord
            {
                Arn = names.TargetGroup(name, ElbNames.NewId()),
                Name = name,
                CreatedAt = time.GetUtcNow(),
                Protocol = protocol,
                ProtocolVersion = protocolVersion,
                Port = port,
                VpcId = network.VpcId,
                TargetType = targetType,
                IpAddressType = input.IpAddressType ?? "ipv4",
                HealthCheck = check,
            };
            var write = elb.Repository.Begin();
            write.Put(LoadBalancingKinds.TargetGroup, created.Arn, "", created, 0);
            ElbTags.PutNew(write, created.Arn, input.Tags);
            await write.CommitAsync(ct);
            return created;
        }, cancellationToken);

        var usage = await elb.TargetGroupUsageAsync(cancellationToken);
        return new CreateTargetGroupOutput { TargetGroups = [ElbMapper.ToWire(record, usage.GetValueOrDefault(record.Arn) ?? [])] };
    }

    [GeneratedRegex("^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$")]
    private static partial Regex NamePattern();
}
