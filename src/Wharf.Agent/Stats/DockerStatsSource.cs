using Docker.DotNet;
using Docker.DotNet.Models;
using Wharf.Agent.Docker;

namespace Wharf.Agent.Stats;

/// <summary>
/// One-shot Docker stats (<c>GET /containers/{id}/stats?stream=false&amp;one-shot=true</c>, no
/// second sampling delay in the engine), each bounded by a timeout. Uses its own client so stats
/// never queue behind the task engine's calls.
/// </summary>
internal sealed class DockerStatsSource(Uri endpoint, TimeSpan timeout, TimeProvider time) : IContainerStatsSource, IDisposable
{
    private readonly DockerClient _client = new DockerClientBuilder().WithEndpoint(endpoint).Build();

    public async Task<RawContainerStats?> ReadAsync(string containerId, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        ContainerStatsResponse? response = null;
        try
        {
            await _client.Containers.GetContainerStatsAsync(
                containerId,
                new ContainerStatsParameters { Stream = false, OneShot = true },
                new SynchronousProgress<ContainerStatsResponse>(r => response = r),
                linked.Token);
        }
        catch (DockerContainerNotFoundException)
        {
            return null;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"docker stats {containerId} timed out after {timeout.TotalSeconds:0}s");
        }

        if (response?.CPUStats?.CPUUsage is not { } usage || response.MemoryStats is not { } memory)
        {
            return null;
        }

        var stats = memory.Stats ?? new Dictionary<string, ulong>();
        var inactive = stats.TryGetValue("inactive_file", out var v2) ? v2
            : stats.TryGetValue("total_inactive_file", out var v1) ? v1
            : 0UL;
        return new RawContainerStats(
            usage.TotalUsage, response.CPUStats.SystemUsage ?? 0, response.CPUStats.OnlineCPUs ?? 0, memory.Usage ?? 0, inactive, time.GetUtcNow());
    }

    public void Dispose() => _client.Dispose();
}
