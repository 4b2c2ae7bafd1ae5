using Wharf.Scheduling.Reconcilers;

namespace Wharf.Scheduling.Tests.Reconcilers;

/// <summary>
/// A toy service for property tests: tasks on four hosts (host 0 never drains nor goes away),
/// deployments, and the events that happen to them. Applying a reconciler plan removes the
/// stopped tasks and adds the placed ones as pending.
/// </summary>
internal sealed class ReplicaSimulation
{
    private const int Hosts = 4;
    private static readonly DateTimeOffset Epoch = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly HostCondition[] _hosts = new HostCondition[Hosts];
    private int _deployments;
    private int _taskSeq;
    private int _nextHost;

    public ReplicaSimulation(int desired, int min, int max, int existing)
    {
        Desired = desired;
        Min = min;
        Max = max;
        Primary = NewDeployment();
        for (var i = 0; i < existing; i++)
        {
            Tasks.Add(NewTask(Primary) with { State = ServiceTaskState.Running, Health = TaskHealth.Healthy });
        }
    }

    public int Desired { get; private set; }

    public int Min { get; private set; }

    public int Max { get; private set; }

    public DeploymentSnapshot Primary { get; private set; }

    public List<DeploymentSnapshot> Older { get; } = [];

    public List<ServiceTaskSnapshot> Tasks { get; } = [];

    public ReplicaReconcileInput Input() => new()
    {
        DesiredCount = Desired,
        MinimumHealthyPercent = Min,
        MaximumPercent = Max,
        Primary = Primary,
        OlderDeployments = [.. Older],
        Tasks = [.. Tasks],
    };

    public void Apply(ReplicaPlan plan)
    {
        var stopped = plan.Stop.Select(s => s.TaskArn).ToHashSet(StringComparer.Ordinal);
        Tasks.RemoveAll(t => stopped.Contains(t.TaskArn));
        foreach (var placement in plan.Place)
        {
            var deployment = placement.DeploymentId == Primary.Id ? Primary : Older.Single(d => d.Id == placement.DeploymentId);
            for (var i = 0; i < placement.Count; i++)
            {
                Tasks.Add(NewTask(deployment));
            }
        }

        Older.RemoveAll(d => plan.DrainedDeployments.Contains(d.Id));
    }

    public void Start(int pick) => Update(pick, t => t.State == ServiceTaskState.Pending, t => t with { State = ServiceTaskState.Running });

    public void BecomeHealthy(int pick) =>
        Update(pick, t => t.State == ServiceTaskState.Running && t.Health == TaskHealth.Unknown, t => t with { Health = TaskHealth.Healthy });

    public void BecomeUnhealthy(int pick) =>
        Update(pick, t => t.State == ServiceTaskState.Running && t.Health != TaskHealth.Unhealthy, t => t with { Health = TaskHealth.Unhealthy });

    public void Fail(int pick)
    {
        if (Tasks.Count > 0)
        {
            Tasks.RemoveAt(pick % Tasks.Count);
        }
    }

    public void SetHost(int pick, HostCondition condition)
    {
        var host = 1 + (pick % (Hosts - 1));
        _hosts[host] = condition;
        for (var i = 0; i < Tasks.Count; i++)
        {
            if (Tasks[i].ContainerInstanceArn == $"h{host}")
            {
                Tasks[i] = Tasks[i] with { Host = condition };
            }
        }
    }

    public void Deploy(int desired, int min, int max)
    {
        Older.Add(Primary);
        Primary = NewDeployment();
        Desired = desired;
        Min = min;
        Max = max;
    }

    public void Scale(int desired) => Desired = desired;

    /// <summary>Everything that is starting becomes healthy, as in a calm cluster.</summary>
    public void Settle()
    {
        for (var i = 0; i < Tasks.Count; i++)
        {
            if (Tasks[i].Health != TaskHealth.Unhealthy)
            {
                Tasks[i] = Tasks[i] with { State = ServiceTaskState.Running, Health = TaskHealth.Healthy };
            }
        }
    }

    public override string ToString() =>
        $"desired {Desired} {Min}/{Max} primary {Primary.Id}: " +
        string.Join(", ", Tasks.Select(t => $"{t.TaskArn}@{t.DeploymentId}:{t.State}/{t.Health}/{t.Host}"));

    private void Update(int pick, Func<ServiceTaskSnapshot, bool> eligible, Func<ServiceTaskSnapshot, ServiceTaskSnapshot> change)
    {
        var candidates = Tasks.Select((t, i) => (t, i)).Where(x => eligible(x.t)).ToList();
        if (candidates.Count > 0)
        {
            var (task, index) = candidates[pick % candidates.Count];
            Tasks[index] = change(task);
        }
    }

    private DeploymentSnapshot NewDeployment()
    {
        _deployments++;
        return new DeploymentSnapshot($"ecs-svc/{_deployments}", $"web:{_deployments}", Epoch.AddMinutes(_deployments));
    }

    private ServiceTaskSnapshot NewTask(DeploymentSnapshot deployment)
    {
        int host;
        do
        {
            host = _nextHost++ % Hosts;
        }
        while (_hosts[host] != HostCondition.Active);

        _taskSeq++;
        return new ServiceTaskSnapshot
        {
            TaskArn = $"t{_taskSeq}",
            DeploymentId = deployment.Id,
            State = ServiceTaskState.Pending,
            Health = TaskHealth.Unknown,
            ContainerInstanceArn = $"h{host}",
            AvailabilityZone = host % 2 == 0 ? "a" : "b",
            StartedAt = Epoch.AddSeconds(_taskSeq),
        };
    }
}
