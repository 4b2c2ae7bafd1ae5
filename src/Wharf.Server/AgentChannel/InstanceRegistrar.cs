using Wharf.Core.Model;
using Wharf.Protocol.AgentChannel;
using Wharf.Server.State;

namespace Wharf.Server.AgentChannel;

/// <summary>
/// Turns an agent's <see cref="RegisterRequest"/> into a container instance: the same one it was
/// before when it presents its ARN (or the same <c>ec2InstanceId</c>), a new one otherwise. Both are
/// looked up by key or index, so registering costs the same in a cluster of 5 or 5,000 instances.
/// Only the <c>default</c> cluster is created on demand, as the ECS agent does. An agent that
/// registers as Fargate capacity becomes an instance of the <see cref="FargateCapacity"/> pool.
/// </summary>
internal sealed class InstanceRegistrar(StateRepository state, ResourceNames names, TimeProvider time)
{
    public const string DefaultCluster = "default";

    public async ValueTask<ContainerInstanceRecord> RegisterAsync(RegisterRequest request, CancellationToken cancellationToken)
    {
        var fargate = request.Capacity switch
        {
            null or "" => false,
            FargateCapacity.LaunchType => true,
            _ => throw new AgentRefusedException("InvalidParameterException", $"Unknown capacity {request.Capacity}: only FARGATE is served by agents."),
        };
        var clusterName = fargate ? FargateCapacity.PoolName
            : string.IsNullOrEmpty(request.Cluster) ? DefaultCluster : ResourceNames.ClusterNameOf(request.Cluster);
        return await state.RetryAsync(async ct =>
        {
            var write = state.Begin();
            var cluster = fargate
                ? new Versioned<ClusterRecord>(Pool(), 1, clusterName)
                : await state.GetAsync<ClusterRecord>(StateKinds.Cluster, clusterName, ct);
            var now = time.GetUtcNow();
            if (cluster is null || cluster.Value.Status != "ACTIVE")
            {
                if (clusterName != DefaultCluster)
                {
                    throw new AgentRefusedException("ClusterNotFoundException", $"Cluster '{clusterName}' not found.");
                }

                var created = new ClusterRecord { Name = clusterName, Arn = names.Cluster(clusterName), Status = "ACTIVE", CreatedAt = now };
                write.Put(StateKinds.Cluster, clusterName, "", created, cluster?.Version ?? 0);
                cluster = new Versioned<ClusterRecord>(created, (cluster?.Version ?? 0) + 1, clusterName);
            }

            var clusterArn = cluster.Value.Arn;
            var existing = await FindAsync(request, clusterArn, ct);

            var attributes = MergeAttributes(existing?.Value.Attributes, request.Attributes);
            ContainerInstanceRecord record;
            if (existing is null)
            {
                var id = ResourceNames.NewId();
                record = new ContainerInstanceRecord
                {
                    Arn = names.ContainerInstance(clusterName, id),
                    Id = id,
                    ClusterArn = clusterArn,
                    Ec2InstanceId = request.Ec2InstanceId,
                    Status = "ACTIVE",
                    AgentConnected = true,
                    LastHeartbeatAt = now,
                    RegisteredAt = now,
                    AgentVersion = request.AgentVersion,
                    DockerVersion = request.DockerVersion,
                    RegisteredCpu = request.Cpu,
                    RegisteredMemory = request.MemoryMiB,
                    HostReservedPorts = request.ReservedPorts.Select(p => $"{p}/tcp").ToList(),
                    Attributes = attributes,
                    HostAddress = request.HostAddress,
                    CapacityProviderName = fargate ? FargateCapacity.Fargate : null,
                };
            }
            else
            {
                record = existing.Value with
                {
                    AgentConnected = true,
                    LastHeartbeatAt = now,
                    AgentVersion = request.AgentVersion,
                    DockerVersion = request.DockerVersion,
                    RegisteredCpu = request.Cpu,
                    RegisteredMemory = request.MemoryMiB,
                    HostReservedPorts = request.ReservedPorts.Select(p => $"{p}/tcp").ToList(),
                    Attributes = attributes,
                    HostAddress = request.HostAddress,
                    Version = existing.Value.Version + 1,
                };
            }

            write.Put(StateKinds.ContainerInstance, record.Arn, clusterArn, record, existing?.Version ?? 0);
            await write.CommitAsync(ct);
            return record;
        }, cancellationToken);
    }

    /// <summary>The Fargate pool, which has no cluster record: only its name and ARN are needed.</summary>
    private ClusterRecord Pool() => new()
    {
        Name = FargateCapacity.PoolName,
        Arn = names.Cluster(FargateCapacity.PoolName),
        Status = "ACTIVE",
        CreatedAt = DateTimeOffset.UnixEpoch,
    };

    /// <summary>
    /// The cluster's live (not INACTIVE) instance with the ARN the agent presents, else with its
    /// <c>ec2InstanceId</c>: by key, then through the store's index, not by listing the cluster.
    /// </summary>
    private async ValueTask<Versioned<ContainerInstanceRecord>?> FindAsync(RegisterRequest request, string clusterArn, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(request.ContainerInstanceArn))
        {
            var byArn = await state.GetAsync<ContainerInstanceRecord>(StateKinds.ContainerInstance, request.ContainerInstanceArn, cancellationToken);
            if (byArn is not null && byArn.Value.ClusterArn == clusterArn && byArn.Value.Status != "INACTIVE")
            {
                return byArn;
            }
        }

        var byEc2Id = await state.ListByFieldAsync<ContainerInstanceRecord>(
            StateKinds.ContainerInstance, "ec2InstanceId", request.Ec2InstanceId, cancellationToken);
        return byEc2Id.FirstOrDefault(i => i.Value.ClusterArn == clusterArn && i.Value.Status != "INACTIVE");
    }

    /// <summary>Agent-reported attributes win; attributes put through the API that the agent does not report stay.</summary>
    private static List<AttributeRecord> MergeAttributes(IReadOnlyList<AttributeRecord>? existing, IReadOnlyDictionary<string, string> reported)
    {
        var merged = new List<AttributeRecord>();
        foreach (var (name, value) in reported)
        {
            merged.Add(new AttributeRecord(name, string.IsNullOrEmpty(value) ? null : value));
        }

        foreach (var attribute in existing ?? [])
        {
            if (!reported.ContainsKey(attribute.Name))
            {
                merged.Add(attribute);
            }
        }

        return merged;
    }
}

/// <summary>The server will not take this agent; sent to it as an <c>error</c> message.</summary>
internal sealed class AgentRefusedException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
