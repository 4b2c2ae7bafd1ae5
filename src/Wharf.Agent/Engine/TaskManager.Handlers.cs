using Wharf.Agent.Diagnostics;
using Wharf.Agent.Docker;
using Wharf.Protocol.AgentChannel;

namespace Wharf.Agent.Engine;

/// <summary>How each event changes the task's state. Runs on the loop only.</summary>
internal sealed partial class TaskManager
{
    private void Handle(TaskEvent taskEvent)
    {
        switch (taskEvent)
        {
            case TaskEvent.DesiredChanged desired:
                ApplySpec(desired.Spec);
                break;
            case TaskEvent.Stale:
                if (!_desiredStopped)
                {
                    _ctx.Logger.StaleTaskStopping(TaskArn);
                }

                _desiredStopped = true;
                break;
            case TaskEvent.DockerActivity activity:
                OnDockerActivity(activity);
                break;
            case TaskEvent.Resync:
                foreach (var container in _containers.Where(c => c.RuntimeId is not null && c.Status != ContainerStatus.Stopped))
                {
                    BeginInspect(container);
                }

                break;
            case TaskEvent.Inspected inspected when Find(inspected.Name) is { } container:
                Apply(container, inspected.Snapshot);
                break;
            case TaskEvent.ImageReady ready when Find(ready.Name) is { } container:
                container.Busy = false;
                container.ImageId ??= ready.ImageId;
                if (container.Status == ContainerStatus.None)
                {
                    container.Status = ContainerStatus.Pulled;
                }

                break;
            case TaskEvent.NetworkReady ready when Find(ready.Name) is { } pause:
                pause.Busy = false;
                pause.ImageId ??= ready.ImageId;
                _network = ready.Network;
                if (pause.Status == ContainerStatus.None)
                {
                    pause.Status = ContainerStatus.Pulled;
                }

                break;
            case TaskEvent.PullFailed failed when Find(failed.Name) is { } container:
                container.Busy = false;
                container.Reason = container.IsPause
                    ? $"{TaskWords.ResourceInitializationError}: {failed.Error}"
                    : $"{TaskWords.CannotPullContainerError}: {failed.Error}";
                _ctx.Logger.PullFailed(TaskArn, container.Spec.Image, failed.Error);
                Fail(container.Reason);
                break;
            case TaskEvent.VolumesReady ready:
                _volumesBusy = false;
                _volumeSources = ready.Sources;
                break;
            case TaskEvent.VolumesFailed failed:
                _volumesBusy = false;
                Fail($"{TaskWords.CannotCreateContainerError}: {failed.Error}");
                break;
            case TaskEvent.Created created when Find(created.Name) is { } container:
                container.Busy = false;
                container.RuntimeId = created.RuntimeId;
                container.Status = ContainerStatus.Created;
                break;
            case TaskEvent.CreateFailed failed when Find(failed.Name) is { } container:
                container.Busy = false;
                ReleasePorts(container);
                container.Bindings = [];
                container.DockerName = null;
                CannotRun(container, $"{TaskWords.CannotCreateContainerError}: {failed.Error}");
                break;
            case TaskEvent.Started started when Find(started.Name) is { } container:
                container.Busy = false;
                container.EverStarted = true;
                container.StartedAt ??= Now;
                _ctx.Logger.ContainerStarted(TaskArn, container.Name, container.RuntimeId ?? "-");
                if (container.Status < ContainerStatus.Running)
                {
                    container.Status = ContainerStatus.Running;
                }

                if (started.Snapshot is not null)
                {
                    Apply(container, started.Snapshot);
                }

                ArmStartTimeout(container);
                break;
            case TaskEvent.StartFailed failed when Find(failed.Name) is { } container:
                OnStartFailed(container, failed);
                break;
            case TaskEvent.Signalled signalled when Find(signalled.Name) is { } container:
                container.Busy = false;
                if (signalled.Snapshot is not null)
                {
                    Apply(container, signalled.Snapshot);
                }

                break;
            case TaskEvent.SignalFailed failed when Find(failed.Name) is { } container:
                // The SIGKILL timer (or the next resync) tries again.
                container.Busy = false;
                _ctx.Logger.SignalFailed(TaskArn, container.Name, failed.Error);
                break;
            case TaskEvent.StopTimeoutElapsed elapsed when Find(elapsed.Name) is { } container:
                if (container.Status == ContainerStatus.Running && !container.KillSent)
                {
                    container.KillSent = true;
                    BeginSignal(container, "SIGKILL");
                }

                break;
            case TaskEvent.StartTimeoutElapsed elapsed when Find(elapsed.Name) is { } container:
                container.StartDeadlinePassed = true;
                break;
            case TaskEvent.CleanupDue:
                BeginCleanup();
                break;
            case TaskEvent.CleanupFinished:
                _finished = true;
                _ctx.Logger.TaskCleanedUp(TaskArn);
                _onFinished(this);
                break;
            case TaskEvent.ActionFailed failed:
                if (failed.Name is not null && Find(failed.Name) is { } owner)
                {
                    owner.Busy = false;
                }

                if (failed.Action == CleanupAction)
                {
                    // Try again later rather than leak the containers.
                    _cleanupTimer?.Dispose();
                    _cleanupTimer = Timer(_ctx.Settings.ResyncInterval, new TaskEvent.CleanupDue());
                }

                _ctx.Logger.ActionFailed(failed.Error, TaskArn, failed.Action, failed.Name ?? "-");
                break;
        }
    }

    /// <summary>The server's spec: authoritative for what to run; existing containers are kept, never duplicated.</summary>
    private void ApplySpec(TaskSpec spec)
    {
        if (spec.DesiredStatus == TaskWords.Stopped)
        {
            _desiredStopped = true;
        }

        if (_specFromServer && ReferenceEquals(spec, _spec))
        {
            return;
        }

        _spec = spec;
        _specFromServer = true;
        if (IsAwsvpc(spec) && Pause is null && _status != ManagedTaskStatus.Stopped)
        {
            _containers.Insert(0, ManagedContainer.Pause(_ctx.Settings.PauseImage));
        }

        foreach (var definition in spec.Containers)
        {
            if (Find(definition.Name) is { } existing)
            {
                existing.Spec = definition;
            }
            else if (_status != ManagedTaskStatus.Stopped)
            {
                _containers.Add(new ManagedContainer(definition));
            }
        }
    }

    private void OnDockerActivity(TaskEvent.DockerActivity activity)
    {
        var container = _containers.FirstOrDefault(c => c.RuntimeId == activity.ContainerId);
        if (container is null)
        {
            return;
        }

        var action = activity.Action;
        if (action is "start" or "die" or "oom" or "destroy" or "stop" or "kill"
            || action.StartsWith("health_status", StringComparison.Ordinal))
        {
            BeginInspect(container);
        }
    }

    private void OnStartFailed(ManagedContainer container, TaskEvent.StartFailed failed)
    {
        container.Busy = false;
        var dynamicPorts = container.Spec.PortMappings.Any(p => p.HostPort is null or 0);
        if (failed.PortConflict && dynamicPorts && container.PortRetries < _ctx.Settings.MaxPortRetries
            && container.RuntimeId is { } runtimeId)
        {
            // The port looked free but someone (another agent on this engine, say) took it first:
            // recreate with other ports. Docker cannot rebind an existing container.
            container.PortRetries++;
            _ctx.Logger.PortConflictRetry(TaskArn, container.Name, failed.Error);
            ReleasePorts(container);
            container.Bindings = [];
            container.RuntimeId = null;
            container.DockerName = null;
            container.Status = ContainerStatus.Pulled;
            RemoveQuietly(runtimeId);
            return;
        }

        CannotRun(container, $"{TaskWords.CannotStartContainerError}: {failed.Error}");
    }

    /// <summary>A container could not be created or started: it will never run.</summary>
    private void CannotRun(ManagedContainer container, string reason)
    {
        if (container.IsPause)
        {
            reason = $"{TaskWords.ResourceInitializationError}: the pause container ({container.Spec.Image}) that holds the task's network namespace could not run: {reason}";
        }

        container.Reason = reason;
        container.Status = ContainerStatus.Stopped;
        container.FinishedAt = Now;
        _ctx.Logger.ContainerCannotRun(TaskArn, container.Name, reason);
        if (container.Essential)
        {
            Fail(reason);
        }
    }

    /// <summary>Folds an inspect result into the container. Monotonic: a late, older snapshot never moves it back.</summary>
    private void Apply(ManagedContainer container, ContainerSnapshot? snapshot)
    {
        if (container.Status == ContainerStatus.Stopped)
        {
            return;
        }

        if (snapshot is null)
        {
            if (container.RuntimeId is not null && container.Status >= ContainerStatus.Created)
            {
                container.Status = ContainerStatus.Stopped;
                container.FinishedAt = Now;
                container.Reason ??= "Container was removed outside the agent";
                ContainerEnded(container);
            }

            return;
        }

        container.ImageId = snapshot.ImageId ?? container.ImageId;
        container.StopSignal = snapshot.StopSignal ?? container.StopSignal;
        container.Health = snapshot.Health;
        if (snapshot.IsRunning)
        {
            container.Ipv4Address = snapshot.Ipv4Address ?? container.Ipv4Address;
            container.MacAddress = snapshot.MacAddress ?? container.MacAddress;
        }

        if (container.Bindings.Count == 0 && snapshot.PortBindings.Count > 0)
        {
            container.Bindings = snapshot.PortBindings;
        }

        if (snapshot.IsRunning && container.Status < ContainerStatus.Running)
        {
            container.Status = ContainerStatus.Running;
            container.EverStarted = true;
            container.StartedAt ??= snapshot.StartedAt ?? Now;
        }
        else if (snapshot.HasExited)
        {
            container.Status = ContainerStatus.Stopped;
            container.EverStarted |= snapshot.StartedAt is not null;
            container.ExitCode = snapshot.ExitCode;
            container.FinishedAt = snapshot.FinishedAt ?? Now;
            if (snapshot.OomKilled)
            {
                container.Reason = TaskWords.OutOfMemoryReason;
            }
            else if (snapshot.Error is { } error)
            {
                container.Reason ??= error;
            }

            ContainerEnded(container);
        }
    }

    private void ContainerEnded(ManagedContainer container)
    {
        container.DisposeTimers();
        ReleasePorts(container);
        _ctx.Logger.ContainerStopped(TaskArn, container.Name, container.ExitCode, container.Reason);
    }

    private void ReleasePorts(ManagedContainer container)
    {
        foreach (var binding in container.Bindings)
        {
            _ctx.Ports.Release(binding.HostPort, binding.Protocol);
        }
    }

    private void ArmStartTimeout(ManagedContainer container)
    {
        if (container.Spec.StartTimeout is { } seconds && container.StartTimer is null
            && _containers.Any(other => DependencyRules.DependsOn(other, container)))
        {
            container.StartTimer = Timer(TimeSpan.FromSeconds(seconds), new TaskEvent.StartTimeoutElapsed(container.Name));
        }
    }
}
