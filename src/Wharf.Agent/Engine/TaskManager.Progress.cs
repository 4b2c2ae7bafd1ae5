using Wharf.Agent.Diagnostics;

namespace Wharf.Agent.Engine;

/// <summary>
/// Deciding the next step from the whole state, level-triggered like the rest of the agent:
/// whatever happened, <see cref="Progress"/> looks at every container and starts the actions that
/// are due and not already in flight. Runs on the loop only.
/// </summary>
internal sealed partial class TaskManager
{
    private bool IsStopping => _desiredStopped || _stopCode is not null;

    private void Progress()
    {
        if (_status == ManagedTaskStatus.Stopped)
        {
            ScheduleCleanup();
            return;
        }

        if (!IsStopping)
        {
            DetectEssentialExit();
        }

        if (!IsStopping)
        {
            ProgressStart();
        }

        if (IsStopping)
        {
            ProgressStop();
        }

        UpdateStatus();
        if (_status == ManagedTaskStatus.Stopped)
        {
            ScheduleCleanup();
        }
    }

    /// <summary>The agent stops the task on its own: it could not start.</summary>
    private void Fail(string reason)
    {
        if (IsStopping)
        {
            return;
        }

        _stopCode = TaskWords.TaskFailedToStart;
        _stoppedReason = reason;
        _ctx.Logger.TaskFailedToStart(TaskArn, reason);
    }

    private void DetectEssentialExit()
    {
        var exited = _containers.FirstOrDefault(c => c.Essential && c.Status == ContainerStatus.Stopped && c.EverStarted);
        if (exited is not null)
        {
            _stopCode = TaskWords.EssentialContainerExited;
            _stoppedReason = TaskWords.EssentialContainerExitedReason;
            _ctx.Logger.EssentialContainerExited(TaskArn, exited.Name, exited.ExitCode);
        }
    }

    private void ProgressStart()
    {
        // An adopted task runs on what Docker says until the server resends its definition.
        if (!_specFromServer || !VolumesReady())
        {
            return;
        }

        foreach (var container in _containers)
        {
            if (container.Busy || IsStopping)
            {
                continue;
            }

            switch (container.Status)
            {
                case ContainerStatus.None:
                    BeginPull(container);
                    break;
                case ContainerStatus.Pulled when !container.IsPause && Pause is { Status: not ContainerStatus.Running }:
                    // An awsvpc task's containers join the pause container's network namespace: it must run first.
                    break;
                case ContainerStatus.Pulled:
                    var links = DependencyRules.Links(container).Select(l => Find(l.Name)).ToList();
                    if (links.Any(l => l is null || (l.Status == ContainerStatus.Stopped && l.DockerName is null)))
                    {
                        Fail($"{TaskWords.CannotCreateContainerError}: a link target of '{container.Name}' cannot be created");
                    }
                    else if (links.All(l => l!.DockerName is not null))
                    {
                        BeginCreate(container);
                    }

                    break;
                case ContainerStatus.Created:
                    var (resolution, reason) = DependencyRules.Evaluate(container, _containers);
                    if (resolution == DependencyResolution.Satisfied)
                    {
                        BeginStart(container);
                    }
                    else if (resolution == DependencyResolution.Unresolvable)
                    {
                        container.Reason = $"{TaskWords.CannotStartContainerError}: {reason}";
                        Fail(container.Reason);
                    }

                    break;
            }
        }

        if (_pullStartedAt is not null && _pullStoppedAt is null
            && _containers.All(c => c.Status != ContainerStatus.None))
        {
            _pullStoppedAt = Now;
        }
    }

    /// <summary>True once every volume the task mounts exists; starts creating them otherwise.</summary>
    private bool VolumesReady()
    {
        if (_volumeSources is not null)
        {
            return true;
        }

        if (_spec.Volumes.Count == 0)
        {
            _volumeSources = new Dictionary<string, string>();
            return true;
        }

        if (!_volumesBusy)
        {
            _volumesBusy = true;
            BeginPrepareVolumes();
        }

        return false;
    }

    /// <summary>
    /// Stops in reverse dependency order: a container is signalled once nothing that depends on
    /// it still runs, the pause container last of all. Containers that never ran are simply marked stopped.
    /// </summary>
    private void ProgressStop()
    {
        foreach (var container in _containers.Where(c => !c.Busy && c.Status < ContainerStatus.Running))
        {
            container.Status = ContainerStatus.Stopped;
            container.FinishedAt ??= Now;
        }

        foreach (var container in _containers.Where(c => !c.Busy && c.Status == ContainerStatus.Running && !c.StopSignalled))
        {
            // The pause container holds every other container's network: it goes once they all have.
            var dependentsRunning = _containers.Any(other =>
                other != container && other.Status != ContainerStatus.Stopped
                && (container.IsPause || DependencyRules.DependsOn(other, container)));
            if (!dependentsRunning)
            {
                var grace = container.Spec.StopTimeout is { } seconds
                    ? TimeSpan.FromSeconds(seconds)
                    : _ctx.Settings.DefaultStopTimeout;
                container.StopSignalled = true;
                // Armed before the signal goes out, so the timer exists by the time anyone sees the signal.
                container.StopTimer = Timer(grace, new TaskEvent.StopTimeoutElapsed(container.Name));
                BeginSignal(container, container.StopSignal);
            }
        }
    }

    private void UpdateStatus()
    {
        var previous = _status;
        if (_containers.All(c => c.Status == ContainerStatus.Stopped && !c.Busy))
        {
            _status = ManagedTaskStatus.Stopped;
            _executionStoppedAt ??= Now;
        }
        else if (IsStopping)
        {
            _status = ManagedTaskStatus.Stopping;
        }
        else if (_status == ManagedTaskStatus.Pending
                 && _containers.Where(c => c.Essential).All(c => c.Status == ContainerStatus.Running))
        {
            _status = ManagedTaskStatus.Running;
            _startedAt ??= _containers.Where(c => c.Essential).Max(c => c.StartedAt) ?? Now;
        }

        if (previous != _status)
        {
            _ctx.Logger.TaskStatusChanged(TaskArn, previous.ToWire(), _status.ToWire());
        }
    }

    private void ScheduleCleanup()
    {
        if (_cleanupScheduled)
        {
            return;
        }

        _cleanupScheduled = true;
        var leftovers = _containers.Any(c => c.RuntimeId is not null) || _strayContainerIds.Count > 0 || _spec.Volumes.Count > 0;
        var finishedAt = _containers.Max(c => c.FinishedAt) ?? Now;
        var due = leftovers ? finishedAt + _ctx.Settings.CleanupDelay - Now : TimeSpan.Zero;
        _cleanupTimer = Timer(due, new TaskEvent.CleanupDue());
    }
}
