using Wharf.Core.Model;

namespace Wharf.Server.Placement;

/// <summary>
/// Which provider of a capacity provider strategy each new task goes to, as ECS splits tasks: the
/// provider with a <c>base</c> gets tasks until it runs that many, then every task goes to the
/// provider furthest below its share by <c>weight</c> of the tasks beyond the bases (on a tie the
/// heavier weight, then the first in strategy order). Pure.
/// </summary>
internal static class CapacityProviderSplit
{
    /// <summary>
    /// The providers of <paramref name="count"/> new tasks, given the providers of the tasks already
    /// running under the strategy (a service's; none for RunTask).
    /// </summary>
    public static IReadOnlyList<string> Next(IReadOnlyList<CapacityProviderStrategyRecord> strategy, IEnumerable<string?> existing, int count)
    {
        var counts = strategy.ToDictionary(s => s.CapacityProvider, _ => 0, StringComparer.Ordinal);
        foreach (var provider in existing)
        {
            if (provider is not null && counts.TryGetValue(provider, out var n))
            {
                counts[provider] = n + 1;
            }
        }

        var result = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var chosen = strategy.FirstOrDefault(s => counts[s.CapacityProvider] < s.Base)
                ?? strategy.Where(s => s.Weight > 0)
                    .OrderBy(s => (Math.Max(0, counts[s.CapacityProvider] - s.Base) + 1) / (double)s.Weight)
                    .ThenByDescending(s => s.Weight)
                    .FirstOrDefault()
                ?? strategy[0];
            counts[chosen.CapacityProvider]++;
            result.Add(chosen.CapacityProvider);
        }

        return result;
    }

    /// <summary>The new tasks with their providers set (unchanged when there is no strategy).</summary>
    public static List<TaskRecord> Assign(IReadOnlyList<CapacityProviderStrategyRecord> strategy, IEnumerable<string?> existing, IReadOnlyList<TaskRecord> created)
    {
        if (strategy.Count == 0)
        {
            return created.ToList();
        }

        var providers = Next(strategy, existing, created.Count);
        return created.Select((task, i) => task with { CapacityProviderName = providers[i] }).ToList();
    }
}
