using Wharf.Agent.Diagnostics;
using Wharf.Agent.Docker;
using Wharf.Protocol.AgentChannel;

namespace Wharf.Agent.Engine;

/// <summary>
/// The Docker work a manager starts. Each runs off the loop and reports back with an event;
/// the loop marks the container busy first so the same step is never started twice.
/// </summary>
internal sealed partial class TaskManager
{
    private const string CleanupAction = "cleanup";

    private IDockerEngine Docker => _ctx.Docker;

    private void BeginPull(ManagedContainer container)
    {
        if (container.IsPause)
        {
            BeginProvisionNetwork(container);
            return;
        }

        container.Busy = true;
        _pullStartedAt ??= Now;
        var name = container.Name;
        var image = container.Spec.Image;
        RunAction(
            async token =>
            {
                // A locally present image is used as is: images come from local builds and registries here.
                var imageId = await Docker.InspectImageAsync(image, token);
                if (imageId is null)
                {
                    await Docker.PullImageAsync(image, token);
                    imageId = await Docker.InspectImageAsync(image, token);
                }

                return new TaskEvent.ImageReady(name, imageId);
            },
            e => new TaskEvent.PullFailed(name, e.Message));
    }

    /// <summary>
    /// The pause container's "pull": its image (built when missing) and the subnet's Docker network.
    /// Both failures are the task's network that cannot be set up, reported as the ECS agent does.
    /// </summary>
    private void BeginProvisionNetwork(ManagedContainer pause)
    {
        pause.Busy = true;
        _pullStartedAt ??= Now;
        var name = pause.Name;
        var eni = _spec.Awsvpc;
        var pauseImage = _ctx.PauseImage;
        var networks = _ctx.Networks;
        RunAction(
            async token =>
            {
                if (eni is null)
                {
                    return new TaskEvent.PullFailed(name, "the awsvpc task came without its network interface (subnet)");
                }

                var imageId = await pauseImage.EnsureAsync(token);
                var network = await networks.EnsureAsync(eni.SubnetId, eni.SubnetCidr, token);
                return new TaskEvent.NetworkReady(name, imageId, network);
            },
            e => new TaskEvent.PullFailed(name, e.Message));
    }

    private void BeginPrepareVolumes()
    {
        var spec = _spec;
        var instanceId = _ctx.Settings.InstanceId;
        RunAction(
            async token =>
            {
                var sources = new Dictionary<string, string>();
                foreach (var volume in spec.Volumes)
                {
                    if (volume.HostSourcePath is { } path)
                    {
                        sources[volume.Name] = path;
                        continue;
                    }

                    var docker = volume.DockerVolume ?? new DockerVolumeSpec();
                    if (docker.Scope == "shared")
                    {
                        if (!await Docker.VolumeExistsAsync(volume.Name, token))
                        {
                            if (!docker.Autoprovision)
                            {
                                return new TaskEvent.VolumesFailed(
                                    $"shared volume '{volume.Name}' does not exist and autoprovision is off");
                            }

                            await Docker.CreateVolumeAsync(VolumeRequest(volume.Name, docker, null), token);
                        }

                        sources[volume.Name] = volume.Name;
                    }
                    else
                    {
                        var name = ContainerConfigBuilder.TaskVolumeName(spec, volume.Name);
                        var labels = new Dictionary<string, string>(ContainerConfigBuilder.TaskLabels(spec, instanceId))
                        {
                            [DockerLabels.VolumeScope] = "task",
                        };
                        await Docker.CreateVolumeAsync(VolumeRequest(name, docker, labels), token);
                        sources[volume.Name] = name;
                    }
                }

                return new TaskEvent.VolumesReady(sources);
            },
            e => new TaskEvent.VolumesFailed(e.Message));
    }

    private static VolumeCreateRequest VolumeRequest(string name, DockerVolumeSpec spec, Dictionary<string, string>? labels)
    {
        var allLabels = new Dictionary<string, string>(spec.Labels);
        foreach (var (key, value) in labels ?? [])
        {
            allLabels[key] = value;
        }

        return new VolumeCreateRequest { Name = name, Driver = spec.Driver, DriverOpts = spec.DriverOpts, Labels = allLabels };
    }

    private void BeginCreate(ManagedContainer container)
    {
        var spec = container.Spec;
        var bridge = string.IsNullOrEmpty(_spec.NetworkMode) || _spec.NetworkMode == "bridge";
        var bindings = new List<PortBinding>();
        try
        {
            // An awsvpc task publishes nothing on the host: its ports are on its own address.
            foreach (var mapping in _spec.NetworkMode is "none" or "awsvpc" ? [] : spec.PortMappings)
            {
                var protocol = string.IsNullOrEmpty(mapping.Protocol) ? "tcp" : mapping.Protocol;
                // Host networking publishes nothing: the container port is the host port.
                var hostPort = !bridge ? mapping.ContainerPort
                    : mapping.HostPort is null or 0 ? _ctx.Ports.Allocate(protocol)
                    : mapping.HostPort.Value;
                if (bridge && mapping.HostPort is > 0)
                {
                    _ctx.Ports.Reserve(hostPort, protocol);
                }

                bindings.Add(new PortBinding(mapping.ContainerPort, hostPort, protocol));
            }
        }
        catch (InvalidOperationException e)
        {
            container.Bindings = bindings;
            ReleasePorts(container);
            container.Bindings = [];
            CannotRun(container, $"{TaskWords.CannotCreateContainerError}: {e.Message}");
            return;
        }

        container.Busy = true;
        container.Bindings = bindings;
        ContainerCreateRequest request;
        if (container.IsPause)
        {
            container.DockerName = ContainerConfigBuilder.PauseDockerName(_spec, _ctx.RandomHex(20));
            request = ContainerConfigBuilder.BuildPause(
                _spec, container.DockerName, spec.Image, _network!, _ctx.Settings.InstanceId);
        }
        else
        {
            container.DockerName = ContainerConfigBuilder.DockerName(_spec, spec, _ctx.RandomHex(20));
            var linkTargets = _containers.Where(c => c.DockerName is not null).ToDictionary(c => c.Name, c => c.DockerName!);
            request = ContainerConfigBuilder.Build(
                _spec, spec, container.DockerName, bindings, linkTargets, _volumeSources!, _ctx.Settings.InstanceId,
                Pause?.RuntimeId);
        }

        var name = container.Name;
        var lookup = new Dictionary<string, string>(ContainerConfigBuilder.TaskLabels(_spec, _ctx.Settings.InstanceId))
        {
            [DockerLabels.ContainerName] = name,
        };
        RunAction(
            async token =>
            {
                try
                {
                    return new TaskEvent.Created(name, await Docker.CreateContainerAsync(request, token));
                }
                catch (Exception e) when (e is TimeoutException or DockerEngineException)
                {
                    // The create may have happened even though the answer was lost: adopt it, never duplicate it.
                    var existing = await Docker.ListContainersAsync(lookup, token);
                    return existing.Count > 0
                        ? new TaskEvent.Created(name, existing[0])
                        : new TaskEvent.CreateFailed(name, e.Message);
                }
            },
            e => new TaskEvent.CreateFailed(name, e.Message));
    }

    private void BeginStart(ManagedContainer container)
    {
        container.Busy = true;
        var name = container.Name;
        var id = container.RuntimeId!;
        var logStreams = _ctx.LogStreams;
        var awslogs = logStreams is null ? null : Logs.AwsLogsConfig.From(_spec, container.Spec);
        RunAction(
            async token =>
            {
                if (logStreams is not null && awslogs is not null && await logStreams.OpenAsync(awslogs, id, token) is { } refused)
                {
                    return new TaskEvent.StartFailed(name, refused, PortConflict: false);
                }

                try
                {
                    await Docker.StartContainerAsync(id, token);
                }
                catch (DockerEngineException e)
                {
                    return new TaskEvent.StartFailed(name, e.Message, e.IsPortConflict);
                }

                return new TaskEvent.Started(name, await InspectOrNullAsync(id, token));
            },
            e => new TaskEvent.StartFailed(name, e.Message, PortConflict: false));
    }

    private void BeginSignal(ManagedContainer container, string signal)
    {
        container.Busy = true;
        var name = container.Name;
        var id = container.RuntimeId!;
        _ctx.Logger.SignallingContainer(TaskArn, name, signal);
        RunAction(
            async token =>
            {
                await Docker.SignalContainerAsync(id, signal, token);
                return new TaskEvent.Signalled(name, await InspectOrNullAsync(id, token));
            },
            e => new TaskEvent.SignalFailed(name, e.Message));
    }

    private void BeginInspect(ManagedContainer container)
    {
        var name = container.Name;
        var id = container.RuntimeId!;
        RunAction(
            async token => new TaskEvent.Inspected(name, await Docker.InspectContainerAsync(id, token)),
            e => new TaskEvent.ActionFailed(null, "inspect", e));
    }

    private void BeginCleanup()
    {
        // The pause container goes last: the others were in its network namespace.
        var containerIds = _containers.OrderBy(c => c.IsPause).Select(c => c.RuntimeId).OfType<string>()
            .Concat(_strayContainerIds).ToList();
        var volumeLabels = new Dictionary<string, string>(ContainerConfigBuilder.TaskLabels(_spec, _ctx.Settings.InstanceId))
        {
            [DockerLabels.VolumeScope] = "task",
        };
        RunAction(
            async token =>
            {
                foreach (var id in containerIds)
                {
                    await Docker.RemoveContainerAsync(id, token);
                }

                foreach (var volume in await Docker.ListVolumesAsync(volumeLabels, token))
                {
                    await Docker.RemoveVolumeAsync(volume, token);
                }

                return new TaskEvent.CleanupFinished();
            },
            e => new TaskEvent.ActionFailed(null, CleanupAction, e));
    }

    /// <summary>Removes a container nobody tracks any more (a port-conflict leftover), ignoring failures.</summary>
    private void RemoveQuietly(string runtimeId) =>
        RunAction(
            async token =>
            {
                await Docker.RemoveContainerAsync(runtimeId, token);
                return new TaskEvent.Resync();
            },
            e => new TaskEvent.ActionFailed(null, "remove", e));

    private async Task<ContainerSnapshot?> InspectOrNullAsync(string id, CancellationToken token)
    {
        try
        {
            return await Docker.InspectContainerAsync(id, token);
        }
        catch (Exception e) when (e is TimeoutException or DockerEngineException)
        {
            // The container's events or the next resync will tell.
            return null;
        }
    }
}
