using Wharf.Scheduling.Model;

namespace Wharf.Scheduling.Query;

/// <summary>Adapts an immutable <see cref="InstanceSnapshot"/> for query evaluation outside placement.</summary>
internal sealed class SnapshotQueryTarget(InstanceSnapshot snapshot) : IQueryTarget
{
    public bool AgentConnected => snapshot.AgentConnected;

    public string? AgentVersion => snapshot.AgentVersion;

    public string? Ec2InstanceId => snapshot.Ec2InstanceId;

    public DateTimeOffset RegisteredAt => snapshot.RegisteredAt;

    public int RunningTasksCount => snapshot.RunningTasksCount;

    public IEnumerable<string> TaskGroups => snapshot.Tasks.Select(t => t.Group).Distinct(StringComparer.Ordinal);

    public bool TryGetAttribute(string name, out string? value) => snapshot.Attributes.TryGetValue(name, out value);

    public bool HasTaskGroup(string group)
    {
        foreach (var task in snapshot.Tasks)
        {
            if (string.Equals(task.Group, group, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
