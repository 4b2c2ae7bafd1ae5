using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Wharf.Scheduling.Benchmarks;

/// <summary>
/// Jobs run in process: no generated project to build on a shared 2-core machine, and the
/// build stays under the artifacts path run.sh gives it.
/// </summary>
internal static class InProcessJobs
{
    private static readonly InProcessEmitToolchain Toolchain = new(TimeSpan.FromHours(1), logOutput: false);

    public static Job Create(int warmups, int iterations, int invocations) => Job.Default
        .WithToolchain(Toolchain)
        .WithLaunchCount(1)
        .WithWarmupCount(warmups)
        .WithIterationCount(iterations)
        .WithInvocationCount(invocations)
        .WithUnrollFactor(1);
}

/// <summary>The whole 100,000-task workload per invocation: one warm-up, five measured runs.</summary>
public sealed class ThroughputConfig : ManualConfig
{
    public ThroughputConfig() => AddJob(InProcessJobs.Create(warmups: 1, iterations: 5, invocations: 1));
}

/// <summary>Single placements: 20,000 per iteration into a freshly half-filled cluster.</summary>
public sealed class SinglePlacementConfig : ManualConfig
{
    public SinglePlacementConfig() => AddJob(InProcessJobs.Create(warmups: 2, iterations: 10, invocations: 20_000));
}
