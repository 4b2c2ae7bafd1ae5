namespace Wharf.Agent.Stats;

/// <summary>
/// One reading of a container's cgroup counters, as Docker stats gives them: cumulative CPU time
/// of the container and of the whole host (nanoseconds), online CPUs, memory in use and its
/// reclaimable page cache (bytes).
/// </summary>
internal sealed record RawContainerStats(
    ulong CpuTotalNs, ulong SystemCpuNs, uint OnlineCpus, ulong MemoryBytes, ulong InactiveFileBytes, DateTimeOffset ReadAt);
