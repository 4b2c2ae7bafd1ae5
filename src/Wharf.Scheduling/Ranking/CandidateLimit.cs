namespace Wharf.Scheduling.Ranking;

/// <summary>
/// How many feasible candidates a placement scores. Nomad scores about log2(n) nodes so
/// placement stays fast on large clusters; scoring so few makes binpack and spread visibly
/// approximate on a small cluster, where a person can see every instance. So: every feasible
/// instance is scored up to <see cref="ScoreAllUpTo"/> instances (exact strategies), and beyond
/// that the scan stops after <c>max(100, 8·⌈log2 n⌉)</c> feasible candidates (104 at 5,000
/// instances, 112 at 10,000). The scan starts where the previous one stopped in a shuffled order,
/// so every instance gets its turn, and the instances a group was last placed on are always
/// added when a binpack strategy applies, so binpack keeps filling the instance it started on.
/// The cost: on a large cluster, spread is exact across attribute values as long as each value
/// holds more than a few percent of the feasible instances (counts are kept for the whole
/// cluster; only the choice of instance is sampled), and binpack picks the fullest of the sample
/// rather than of the cluster.
/// </summary>
internal static class CandidateLimit
{
    public const int ScoreAllUpTo = 100;

    public static int For(int instanceCount)
    {
        if (instanceCount <= ScoreAllUpTo)
        {
            return instanceCount;
        }

        var log2 = 64 - ulong.LeadingZeroCount((ulong)(instanceCount - 1));
        return Math.Max(ScoreAllUpTo, 8 * (int)log2);
    }
}
