using BenchmarkDotNet.Attributes;
using Wharf.Scheduling.Model;
using Wharf.Scheduling.Placement;

namespace Wharf.Scheduling.Benchmarks;

/// <summary>
/// One task placed (count 1) into a cluster of 5,000 instances already holding 50,000 tasks:
/// what a service controller pays to replace one failed task.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(SinglePlacementConfig))]
public class SinglePlacementBenchmarks
{
    private List<InstanceSnapshot> _instances = [];
    private List<PlacementRequest> _services = [];
    private PlacementCluster _cluster = null!;
    private Random _random = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _instances = SimulatedCluster.Instances(PlacementBenchmarks.Hosts, seed: 1);
        _services = SimulatedCluster.Services(PlacementBenchmarks.Services, PlacementBenchmarks.Tasks / 2, seed: 2);
    }

    [IterationSetup]
    public void HalfFullCluster()
    {
        _cluster = new PlacementCluster(_instances);
        _random = new Random(3);
        foreach (var service in _services)
        {
            Placer.Place(service, _cluster, _random);
        }
    }

    [Benchmark]
    public int PlaceOneTask()
    {
        var service = _services[_next++ % _services.Count] with { Count = 1 };
        return Placer.Place(service, _cluster, _random).Placements.Count;
    }
}
