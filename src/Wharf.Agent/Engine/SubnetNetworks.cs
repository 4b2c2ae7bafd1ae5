using Wharf.Agent.Docker;

namespace Wharf.Agent.Engine;

/// <summary>
/// The Docker bridge network of each subnet awsvpc tasks use, <c>wharf-{subnetId}</c>, with the
/// subnet's CIDR block as its address pool, so Docker hands out the tasks' private addresses.
/// Several agents may share one engine: a create that loses to another agent's (same name, or the
/// pool already taken) looks the network up again and uses it. Networks are never removed here,
/// as other tasks — of this agent or another — share them; each task looks its network up again, so
/// one removed behind the agent's back is created anew. Thread-safe: one lookup or create at a time
/// per agent process.
/// </summary>
internal sealed class SubnetNetworks(IDockerEngine docker, TimeProvider time) : IDisposable
{
    /// <summary>
    /// How long a network another agent is creating may take to show up by name: the engine
    /// reserves its address pool (which makes this agent's create fail) before it lists it.
    /// </summary>
    private static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan SettleStep = TimeSpan.FromMilliseconds(250);

    /// <summary>On the networks the agent creates: <c>true</c>.</summary>
    public const string ManagedLabel = "wharf.managed";

    /// <summary>On the networks the agent creates: the subnet id.</summary>
    public const string SubnetLabel = "wharf.subnet-id";

    private readonly SemaphoreSlim _gate = new(1, 1);

    public static string NetworkName(string subnetId) => $"wharf-{subnetId}";

    /// <summary>The network's name, once it exists with the subnet's CIDR block.</summary>
    /// <exception cref="InvalidOperationException">It cannot be created, or a network of that name has another subnet.</exception>
    public async Task<string> EnsureAsync(string subnetId, string cidr, CancellationToken cancellationToken)
    {
        var name = NetworkName(subnetId);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var existing = await docker.InspectNetworkAsync(name, cancellationToken);
            if (existing is null)
            {
                try
                {
                    await docker.CreateNetworkAsync(
                        new NetworkCreateRequest
                        {
                            Name = name,
                            Subnet = cidr,
                            Labels = new Dictionary<string, string> { [ManagedLabel] = "true", [SubnetLabel] = subnetId },
                        },
                        cancellationToken);
                }
                catch (DockerEngineException e)
                {
                    // Another agent on this engine may have created it in the meantime.
                    existing = await AwaitOtherCreateAsync(name, cancellationToken)
                        ?? throw new InvalidOperationException($"Docker network {name} ({cidr}) could not be created: {e.Message}", e);
                }
            }

            if (existing is not null && existing.Subnets.Count > 0 && !existing.Subnets.Contains(cidr, StringComparer.Ordinal))
            {
                throw new InvalidOperationException(
                    $"Docker network {name} exists with subnet {string.Join(", ", existing.Subnets)}, not {cidr}");
            }

            return name;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<NetworkSnapshot?> AwaitOtherCreateAsync(string name, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + SettleTime;
        while (true)
        {
            if (await docker.InspectNetworkAsync(name, cancellationToken) is { } network)
            {
                return network;
            }

            if (time.GetUtcNow() >= deadline)
            {
                return null;
            }

            await Task.Delay(SettleStep, time, cancellationToken);
        }
    }

    public void Dispose() => _gate.Dispose();
}
