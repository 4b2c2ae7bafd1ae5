namespace Wharf.Agent.Stats;

/// <summary>
/// Usage from two readings, as <c>docker stats</c> computes it: CPU is the container's share of
/// the host's CPU time between the readings times the online CPUs, in CPU units (1024 per core);
/// memory is usage without the inactive page cache, in MiB.
/// </summary>
internal static class StatsCalculator
{
    public const double UnitsPerCore = 1024;

    /// <summary>CPU units used between the readings; null when they cannot be compared (a counter went back: the container restarted).</summary>
    public static double? CpuUnits(RawContainerStats previous, RawContainerStats current)
    {
        if (current.CpuTotalNs < previous.CpuTotalNs)
        {
            return null;
        }

        var cpuDelta = (double)(current.CpuTotalNs - previous.CpuTotalNs);
        if (current.SystemCpuNs > previous.SystemCpuNs && current.OnlineCpus > 0)
        {
            var systemDelta = (double)(current.SystemCpuNs - previous.SystemCpuNs);
            return cpuDelta / systemDelta * current.OnlineCpus * UnitsPerCore;
        }

        var wallNs = (current.ReadAt - previous.ReadAt).Ticks * 100.0;
        return wallNs > 0 ? cpuDelta / wallNs * UnitsPerCore : null;
    }

    public static double MemoryMiB(RawContainerStats current) =>
        (current.MemoryBytes > current.InactiveFileBytes ? current.MemoryBytes - current.InactiveFileBytes : 0) / (1024.0 * 1024.0);
}
