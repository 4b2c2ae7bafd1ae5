using BenchmarkDotNet.Attributes;
using Wharf.Scheduling.Model;
using Wharf.Scheduling.Placement;

namespace Wharf.Scheduling.Benchmarks;

/// <summary>
/// Placement throughput: 100 services totalling 100,000 tasks over 5,000 simulated instances,
/// each service spread(zone) + binpack(memory) with a memberOf constraint, placed into one
/// working cluster as a scheduler pass would. The reported time is per placed task.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class PlacementBenchmarks
{
    public const int Hosts = 5_000;
    public const int Services = 100;
    public const int Tasks = 100_000;

    private List<InstanceSnapshot> _instances = [];
    private List<PlacementRequest> _services = [];
    private PlacementCluster _cluster = null!;

    [GlobalSetup]
    public void Setup()
    {
        _instances = SimulatedCluster.Instances(Hosts, seed: 1);
        _services = SimulatedCluster.Services(Services, Tasks, seed: 2);
    }

    [IterationSetup]
    public void FreshCluster() => _cluster = new PlacementCluster(_instances);

    [Benchmark(OperationsPerInvoke = Tasks)]
    public int PlaceHundredThousandTasks()
    {
        var random = new Random(3);
        var placed = 0;
        foreach (var service in _services)
        {
            placed += Placer.Place(service, _cluster, random).Placements.Count;
        }

        return placed;
    }
}
