using Wharf.Discovery.Zones;

namespace Wharf.Discovery.Routing;

/// <summary>
/// Cloud Map's routing policies over one record set. MULTIVALUE answers up to eight healthy values
/// (chosen at random when there are more); WEIGHTED answers one healthy value at random, all weights
/// being equal. When no value is healthy, both answer as if all were. Randomness is injected.
/// </summary>
internal static class RecordSelector
{
    public const int MaxMultivalueAnswers = 8;

    public static IReadOnlyList<RecordValue> Select(RecordSet set, Random random)
    {
        if (set.Values.Count == 0)
        {
            return [];
        }

        var healthy = set.Values.Where(v => v.Healthy).ToArray();
        var pool = healthy.Length > 0 ? healthy : [.. set.Values];
        if (set.RoutingPolicy == "WEIGHTED" || set.Type == "CNAME")
        {
            return [pool[random.Next(pool.Length)]];
        }

        if (pool.Length <= MaxMultivalueAnswers)
        {
            return pool;
        }

        random.Shuffle(pool);
        return pool[..MaxMultivalueAnswers];
    }
}
