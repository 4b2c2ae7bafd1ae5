using System.Diagnostics;
using System.Globalization;
using Wharf.Scheduling.Placement;

namespace Wharf.Scheduling.Benchmarks;

/// <summary>
/// Times every single placement while the 100,000-task workload is placed one task at a time
/// (count 1 per call, as a controller replacing tasks would), and reports the latency
/// distribution, which BenchmarkDotNet's mean per operation does not show.
/// </summary>
public static class LatencyProbe
{
    public static string Run(int rounds)
    {
        var instances = SimulatedCluster.Instances(PlacementBenchmarks.Hosts, seed: 1);
        var services = SimulatedCluster.Services(PlacementBenchmarks.Services, PlacementBenchmarks.Tasks, seed: 2);
        var samples = new List<double>(PlacementBenchmarks.Tasks * rounds);
        var cpuSamples = new List<double>(PlacementBenchmarks.Tasks * rounds);
        var unplaced = 0;
        var total = Stopwatch.StartNew();
        for (var round = 0; round < rounds; round++)
        {
            var cluster = new PlacementCluster(instances);
            var random = new Random(3 + round);
            var one = services.Select(s => s with { Count = 1 }).ToArray();
            var remaining = services.Select(s => s.Count).ToArray();
            for (var placed = true; placed;)
            {
                placed = false;
                for (var s = 0; s < one.Length; s++)
                {
                    if (remaining[s] == 0)
                    {
                        continue;
                    }

                    var cpuStart = ThreadCpuClock.NowMicroseconds();
                    var start = Stopwatch.GetTimestamp();
                    var result = Placer.Place(one[s], cluster, random);
                    samples.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
                    cpuSamples.Add(ThreadCpuClock.NowMicroseconds() - cpuStart);
                    remaining[s]--;
                    unplaced += result.UnplacedCount;
                    placed = true;
                }
            }
        }

        total.Stop();
        var inv = CultureInfo.InvariantCulture;
        return string.Join(
            Environment.NewLine,
            "| single placements (count 1), µs | p50 | p90 | p99 | p99.9 | max | mean |",
            "|---|---|---|---|---|---|---|",
            Row("wall clock", samples),
            Row("thread CPU time", cpuSamples),
            string.Empty,
            string.Create(
                inv,
                $"{samples.Count:N0} placements over {PlacementBenchmarks.Hosts:N0} instances in {rounds} round(s), " +
                $"{samples.Count / total.Elapsed.TotalSeconds:N0} placements/s wall clock including the probe's own timing, {unplaced} unplaced."));
    }

    private static string Row(string clock, List<double> samples)
    {
        samples.Sort();
        double Percentile(double p) => samples[Math.Min(samples.Count - 1, (int)Math.Ceiling(p / 100 * samples.Count) - 1)];
        return string.Create(
            CultureInfo.InvariantCulture,
            $"| {clock} | {Percentile(50):F1} | {Percentile(90):F1} | {Percentile(99):F1} | {Percentile(99.9):F1} | {samples[^1]:F1} | {samples.Average():F1} |");
    }
}
