using System.Globalization;
using System.Text.Json;
using Wharf.Core.Model;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.Api;
using Wharf.Server.Ecs.Attributes;
using Wharf.Server.Ecs.Common;
using Wharf.Server.State;

namespace Wharf.Server.Ecs.ContainerInstances;

/// <summary>
/// RegisterContainerInstance, the API form (Wharf's agents register over the agent channel): records
/// an instance with the resources, versions and attributes given, and no agent connected. The
/// <c>ec2InstanceId</c> comes from the identity document's <c>instanceId</c> (a fresh <c>i-…</c> id
/// otherwise). Naming a registered instance (its ARN, or an ACTIVE instance with the same
/// <c>ec2InstanceId</c>) updates it instead of adding one.
/// </summary>
internal sealed class RegisterContainerInstanceHandler(
    StateRepository state, ClusterResolver clusters, ContainerInstanceResolver instances, ContainerInstanceMapper mapper,
    State.ResourceNames names, TimeProvider time)
    : IOperationHandler<RegisterContainerInstanceRequest, RegisterContainerInstanceResponse>
{
    public async ValueTask<RegisterContainerInstanceResponse> HandleAsync(
        RegisterContainerInstanceRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        var resources = RegisteredResources.From(input.TotalResources);
        var document = IdentityDocument.Parse(input.InstanceIdentityDocument);
        var attributes = new List<AttributeRecord>();
        foreach (var attribute in input.Attributes ?? [])
        {
            AttributeRules.Validate(attribute.Name, attribute.Value);
            attributes.Add(new AttributeRecord(attribute.Name!, attribute.Value));
        }

        if (document.AvailabilityZone is { } zone && !attributes.Exists(a => a.Name == "ecs.availability-zone"))
        {
            attributes.Add(new AttributeRecord("ecs.availability-zone", zone));
        }

        if (document.InstanceType is { } type && !attributes.Exists(a => a.Name == "ecs.instance-type"))
        {
            attributes.Add(new AttributeRecord("ecs.instance-type", type));
        }

        ResourceTags.Validate(input.Tags);
        var cluster = await clusters.ResolveAsync(input.Cluster, cancellationToken);
        var clusterArn = cluster.Value.Arn;
        var requestedArn = input.ContainerInstanceArn is null ? null : instances.ArnOf(input.ContainerInstanceArn, cluster.Value);
        var ec2InstanceId = document.InstanceId ?? NewEc2InstanceId();

        var record = await state.RetryAsync(async ct =>
        {
            Versioned<ContainerInstanceRecord>? existing;
            if (requestedArn is not null)
            {
                existing = await instances.FindAsync(requestedArn, cluster.Value, ct);
                if (existing is null || existing.Value.Status == EcsStatus.Inactive)
                {
                    throw EcsErrors.InvalidParameter($"The container instance {requestedArn} is not registered in the cluster.");
                }
            }
            else
            {
                var sameHost = await state.ListByFieldAsync<ContainerInstanceRecord>(StateKinds.ContainerInstance, "ec2InstanceId", ec2InstanceId, ct);
                existing = sameHost.FirstOrDefault(i => i.Value.ClusterArn == clusterArn && i.Value.Status != EcsStatus.Inactive);
            }

            ContainerInstanceRecord registered;
            if (existing is null)
            {
                var id = ResourceNames.NewId();
                registered = new ContainerInstanceRecord
                {
                    Arn = names.ContainerInstance(cluster.Value.Name, id),
                    Id = id,
                    ClusterArn = clusterArn,
                    Ec2InstanceId = ec2InstanceId,
                    Status = EcsStatus.Active,
                    AgentConnected = false,
                    RegisteredAt = time.GetUtcNow(),
                    AgentVersion = input.VersionInfo?.AgentVersion ?? "",
                    DockerVersion = input.VersionInfo?.DockerVersion ?? "",
                    RegisteredCpu = resources.Cpu,
                    RegisteredMemory = resources.Memory,
                    HostReservedPorts = resources.Ports,
                    Attributes = AttributeRules.Merge([], attributes, ec2InstanceId),
                };
            }
            else
            {
                registered = existing.Value with
                {
                    AgentVersion = input.VersionInfo?.AgentVersion ?? existing.Value.AgentVersion,
                    DockerVersion = input.VersionInfo?.DockerVersion ?? existing.Value.DockerVersion,
                    RegisteredCpu = resources.Cpu,
                    RegisteredMemory = resources.Memory,
                    HostReservedPorts = resources.Ports,
                    Attributes = AttributeRules.Merge(existing.Value.Attributes, attributes, existing.Value.Arn),
                    Version = existing.Value.Version + 1,
                };
            }

            var write = state.Begin();
            write.Put(StateKinds.ContainerInstance, registered.Arn, clusterArn, registered, existing?.Version ?? 0);
            ResourceTags.Put(write, registered.Arn, await state.GetAsync<TagSet>(StateKinds.Tags, registered.Arn, ct), input.Tags);
            await write.CommitAsync(ct);
            return registered;
        }, cancellationToken);

        var tasks = await instances.TasksByInstanceAsync(clusterArn, cancellationToken);
        return new RegisterContainerInstanceResponse { ContainerInstance = mapper.ToWire(record, [.. tasks[record.Arn]]) };
    }

    private static string NewEc2InstanceId() => "i-" + ResourceNames.NewId()[..17];

    /// <summary>The parts of an EC2 instance identity document Wharf uses; anything unreadable is ignored.</summary>
    private sealed record IdentityDocument(string? InstanceId, string? AvailabilityZone, string? InstanceType)
    {
        public static IdentityDocument Parse(string? json)
        {
            if (string.IsNullOrWhiteSpace(json))
            {
                return new IdentityDocument(null, null, null);
            }

            try
            {
                using var document = JsonDocument.Parse(json);
                var root = document.RootElement;
                return new IdentityDocument(Read(root, "instanceId"), Read(root, "availabilityZone"), Read(root, "instanceType"));
            }
            catch (JsonException)
            {
                throw EcsErrors.InvalidParameter("The instanceIdentityDocument is not a JSON document.");
            }
        }

        private static string? Read(JsonElement root, string name) =>
            root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
    }

    /// <summary>CPU and MEMORY (required, INTEGER) and PORTS / PORTS_UDP (STRINGSET) of <c>totalResources</c>.</summary>
    private sealed record RegisteredResources(int Cpu, int Memory, List<string> Ports)
    {
        public static RegisteredResources From(List<Resource>? resources)
        {
            int? cpu = null;
            int? memory = null;
            var ports = new List<string>();
            foreach (var resource in resources ?? [])
            {
                switch (resource.Name)
                {
                    case InstanceResources.Cpu:
                        cpu = NonNegative(resource);
                        break;
                    case InstanceResources.Memory:
                        memory = NonNegative(resource);
                        break;
                    case InstanceResources.Ports:
                    case InstanceResources.PortsUdp:
                        var protocol = resource.Name == InstanceResources.Ports ? "tcp" : "udp";
                        foreach (var port in resource.StringSetValue ?? [])
                        {
                            if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 65535)
                            {
                                throw EcsErrors.InvalidParameter($"Invalid port '{port}' in totalResources {resource.Name}.");
                            }

                            ports.Add($"{number}/{protocol}");
                        }

                        break;
                }
            }

            return cpu is { } c && memory is { } m
                ? new RegisteredResources(c, m, ports)
                : throw EcsErrors.InvalidParameter("totalResources must give the CPU and MEMORY of the instance.");
        }

        private static int NonNegative(Resource resource)
        {
            var value = resource.IntegerValue ?? (int?)resource.LongValue ?? (int?)resource.DoubleValue ?? 0;
            return value >= 0 ? value : throw EcsErrors.InvalidParameter($"totalResources {resource.Name} cannot be negative.");
        }
    }
}
