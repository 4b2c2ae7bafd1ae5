using BenchmarkDotNet.Running;
using Wharf.Scheduling.Benchmarks;

if (args.Length > 0 && args[0] == "--latency")
{
    var rounds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3;
    Console.WriteLine(LatencyProbe.Run(rounds));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(PlacementBenchmarks).Assembly).Run(args);
