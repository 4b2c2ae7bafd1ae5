namespace Wharf.Agent.Stats;

/// <summary>Reads a container's counters once; null when the container is gone or not running.</summary>
internal interface IContainerStatsSource
{
    Task<RawContainerStats?> ReadAsync(string containerId, CancellationToken cancellationToken);
}
