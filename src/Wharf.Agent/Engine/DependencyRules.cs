namespace Wharf.Agent.Engine;

/// <summary>
/// The <c>dependsOn</c> conditions. START: the dependency has started. COMPLETE: it has exited.
/// SUCCESS: it has exited with code 0. HEALTHY: its Docker health check passes. A link is an
/// implicit START dependency. When a dependency carries a <c>startTimeout</c> and does not reach
/// the condition within it, the dependent gives up and the task stops (as ECS does).
/// </summary>
internal static class DependencyRules
{
    public static (DependencyResolution Resolution, string? Reason) Evaluate(
        ManagedContainer container, IReadOnlyList<ManagedContainer> all)
    {
        var waiting = false;
        foreach (var (name, condition) in Dependencies(container))
        {
            var target = all.FirstOrDefault(c => c.Name == name);
            if (target is null)
            {
                return (DependencyResolution.Unresolvable, $"dependency '{name}' is not a container of the task");
            }

            var state = Check(target, condition);
            if (state == DependencyResolution.Unresolvable)
            {
                return (DependencyResolution.Unresolvable,
                    $"dependency '{name}' can no longer reach {condition} (status {target.Status}, exit code {target.ExitCode?.ToString() ?? "none"})");
            }

            if (state == DependencyResolution.Waiting)
            {
                if (target.StartDeadlinePassed)
                {
                    return (DependencyResolution.Unresolvable,
                        $"dependency '{name}' did not reach {condition} within its startTimeout of {target.Spec.StartTimeout}s");
                }

                waiting = true;
            }
        }

        return (waiting ? DependencyResolution.Waiting : DependencyResolution.Satisfied, null);
    }

    /// <summary>True when <paramref name="dependent"/> waits on <paramref name="target"/> (dependsOn or link).</summary>
    public static bool DependsOn(ManagedContainer dependent, ManagedContainer target) =>
        Dependencies(dependent).Any(d => d.Name == target.Name);

    /// <summary>The link target names of a container (<c>name</c> or <c>name:alias</c>).</summary>
    public static IEnumerable<(string Name, string Alias)> Links(ManagedContainer container) =>
        container.Spec.Links.Select(link =>
        {
            var colon = link.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? (link, link) : (link[..colon], link[(colon + 1)..]);
        });

    private static IEnumerable<(string Name, string Condition)> Dependencies(ManagedContainer container) =>
        container.Spec.DependsOn
            .Select(d => (d.ContainerName, d.Condition.ToUpperInvariant()))
            .Concat(Links(container).Select(l => (l.Name, "START")));

    private static DependencyResolution Check(ManagedContainer target, string condition) => condition switch
    {
        "START" => target.EverStarted || target.Status == ContainerStatus.Running
            ? DependencyResolution.Satisfied
            : target.Status == ContainerStatus.Stopped ? DependencyResolution.Unresolvable : DependencyResolution.Waiting,
        "COMPLETE" => target.Status != ContainerStatus.Stopped
            ? DependencyResolution.Waiting
            : target.EverStarted ? DependencyResolution.Satisfied : DependencyResolution.Unresolvable,
        "SUCCESS" => target.Status != ContainerStatus.Stopped
            ? DependencyResolution.Waiting
            : target.EverStarted && target.ExitCode == 0 ? DependencyResolution.Satisfied : DependencyResolution.Unresolvable,
        "HEALTHY" => target.Health == "healthy"
            ? DependencyResolution.Satisfied
            : target.Status == ContainerStatus.Stopped || target.Spec.HealthCheck is null
                ? DependencyResolution.Unresolvable
                : DependencyResolution.Waiting,
        _ => DependencyResolution.Unresolvable,
    };
}
