namespace Wharf.Scheduling.Reconcilers;

/// <summary>
/// Which tasks go first when a service has more than it wants. Tasks that serve nobody yet
/// (pending, health unknown) go before healthy ones; among healthy ones ECS's rule applies: the
/// Availability Zone with the most of the service's tasks, then the instance there with the
/// most, so the survivors stay balanced. Remaining ties: the newest task.
/// </summary>
internal static class ScaleInOrder
{
    public static List<ServiceTaskSnapshot> Select(IReadOnlyCollection<ServiceTaskSnapshot> tasks, int count)
    {
        var chosen = new List<ServiceTaskSnapshot>(count);
        var remaining = new List<ServiceTaskSnapshot>(tasks);
        foreach (var cheap in remaining
            .Where(t => !t.IsHealthy)
            .OrderBy(t => t.State == ServiceTaskState.Pending ? 0 : 1)
            .ThenByDescending(t => t.StartedAt)
            .ThenBy(t => t.TaskArn, StringComparer.Ordinal)
            .Take(count)
            .ToList())
        {
            chosen.Add(cheap);
            remaining.Remove(cheap);
        }

        var perZone = Count(remaining, t => t.AvailabilityZone ?? string.Empty);
        var perInstance = Count(remaining, t => t.ContainerInstanceArn ?? string.Empty);
        while (chosen.Count < count && remaining.Count > 0)
        {
            var best = remaining[0];
            for (var i = 1; i < remaining.Count; i++)
            {
                if (Precedes(remaining[i], best, perZone, perInstance))
                {
                    best = remaining[i];
                }
            }

            chosen.Add(best);
            remaining.Remove(best);
            perZone[best.AvailabilityZone ?? string.Empty]--;
            perInstance[best.ContainerInstanceArn ?? string.Empty]--;
        }

        return chosen;
    }

    private static bool Precedes(
        ServiceTaskSnapshot a,
        ServiceTaskSnapshot b,
        Dictionary<string, int> perZone,
        Dictionary<string, int> perInstance)
    {
        var zone = perZone[a.AvailabilityZone ?? string.Empty].CompareTo(perZone[b.AvailabilityZone ?? string.Empty]);
        if (zone != 0)
        {
            return zone > 0;
        }

        var instance = perInstance[a.ContainerInstanceArn ?? string.Empty].CompareTo(perInstance[b.ContainerInstanceArn ?? string.Empty]);
        if (instance != 0)
        {
            return instance > 0;
        }

        var age = a.StartedAt.CompareTo(b.StartedAt);
        return age != 0 ? age > 0 : string.CompareOrdinal(a.TaskArn, b.TaskArn) < 0;
    }

    private static Dictionary<string, int> Count(List<ServiceTaskSnapshot> tasks, Func<ServiceTaskSnapshot, string> key)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var task in tasks)
        {
            var k = key(task);
            counts[k] = (counts.TryGetValue(k, out var c) ? c : 0) + 1;
        }

        return counts;
    }
}
