using Wharf.Core.Model;
using Wharf.Server.CloudMap.Instances;
using Wharf.Server.ElasticLoadBalancing.Common;
using Wharf.Server.State;

namespace Wharf.Server.Controllers.Attachments;

/// <summary>
/// One attachment step of one task, pure over an <see cref="AttachmentStepInput"/>. A RUNNING task
/// that should run is registered once with the service's target groups (an <c>instance</c> group:
/// id = its instance's EC2-style id, port = the host port bound for the container port; an
/// <c>ip</c> group, for <c>awsvpc</c> tasks: id = the task's ENI address, port = the container
/// port) and, when it has no container health checks or they say HEALTHY, with its Cloud Map
/// service (instance id = task id, address = the container's bridge address, the host's address
/// for <c>host</c>, the ENI address for <c>awsvpc</c>). Either waits until the agent has reported
/// the port or address. A task told to stop, or already stopped, leaves Cloud Map at
/// once and its targets start draining for the group's deregistration delay; a task still running
/// is held (<see cref="TaskRecord.DrainUntil"/>, lastStatus DEACTIVATING) until the drain ends.
/// Every registration is recorded on the task, so each is undone exactly once.
/// </summary>
internal static class AttachmentPlanner
{
    public static AttachmentStep Plan(AttachmentStepInput input)
    {
        var task = input.Task;
        var writes = new List<TargetWrite>();
        var register = new List<CloudMapRegistration>();
        var deregister = new List<CloudMapRegistration>();
        var next = task.DesiredStatus == TaskStatuses.Stopped || task.LastStatus == TaskStatuses.Stopped
            ? Detach(input, writes, deregister)
            : task.LastStatus == TaskStatuses.Running
                ? Attach(input, writes, register)
                : task;

        var changed = writes.Count > 0 || register.Count > 0 || deregister.Count > 0 || !Same(next, task);
        return new AttachmentStep(next, writes, register, deregister) { Changed = changed };
    }

    private static TaskRecord Attach(AttachmentStepInput input, List<TargetWrite> writes, List<CloudMapRegistration> register)
    {
        var task = input.Task;
        var service = input.Service;
        if (service is null || service.Status != "ACTIVE")
        {
            return SyncHealth(task, input);
        }

        if (task.Targets.Count == 0 && service.LoadBalancers.Count > 0 && RegisterTargets(input, writes) is { } targets)
        {
            task = task with { Targets = targets };
        }

        if (task.Registrations.Count == 0 && service.ServiceRegistries.Count > 0
            && (!input.HasHealthChecks || task.HealthStatus == "HEALTHY"))
        {
            var registrations = new List<TaskRegistrationRecord>();
            foreach (var registry in service.ServiceRegistries)
            {
                if (Instance(input, registry) is { } instance)
                {
                    register.Add(instance);
                    registrations.Add(new TaskRegistrationRecord { RegistryArn = registry.RegistryArn, InstanceId = task.Id });
                }
            }

            if (registrations.Count > 0)
            {
                task = task with { Registrations = registrations };
            }
        }

        return SyncHealth(task, input);
    }

    /// <summary>The targets of every load balancer, or null while a host port or the task's address is not known yet.</summary>
    private static List<TaskTargetRecord>? RegisterTargets(AttachmentStepInput input, List<TargetWrite> writes)
    {
        if (input.Instance is not { } instance)
        {
            return null;
        }

        var zone = instance.Attributes.FirstOrDefault(a => a.Name == "ecs.availability-zone")?.Value;
        var pending = new List<TargetWrite>();
        var targets = new List<TaskTargetRecord>();
        foreach (var lb in input.Service!.LoadBalancers)
        {
            if (!input.Groups.TryGetValue(lb.TargetGroupArn, out var group))
            {
                // The group was deleted after the service was created: nothing to register with.
                continue;
            }

            if (Endpoint(input, instance, group.Value, lb) is not (var id, var port))
            {
                return null;
            }

            var key = LoadBalancingKinds.TargetKey(lb.TargetGroupArn, id, port);
            var existing = input.Targets.GetValueOrDefault(key);
            var state = existing?.Value;
            if (existing is null || existing.Value.State == TargetStates.Draining)
            {
                state = new TargetRecord
                {
                    TargetGroupArn = lb.TargetGroupArn,
                    Id = id,
                    Port = port,
                    AvailabilityZone = zone,
                    RegisteredAt = input.Now,
                    State = TargetStates.Initial,
                    Reason = TargetStates.RegistrationInProgress,
                    Description = "Target registration is in progress",
                    StateChangedAt = input.Now,
                };
                pending.Add(new TargetWrite(key, lb.TargetGroupArn, state, existing?.Version ?? 0));
            }

            targets.Add(new TaskTargetRecord
            {
                TargetGroupArn = lb.TargetGroupArn,
                Id = id,
                Port = port,
                State = state!.State,
                Reason = state.Reason,
                Description = state.Description,
                StateChangedAt = state.StateChangedAt,
            });
        }

        writes.AddRange(pending);
        return targets.Count > 0 ? targets : null;
    }

    /// <summary>
    /// Where <paramref name="group"/> reaches the task's container port: an <c>ip</c> group at the
    /// task's ENI address and the container port itself (an <c>awsvpc</c> task publishes no host
    /// port), an <c>instance</c> group at the instance and the host port bound for it; null until the
    /// agent has reported either.
    /// </summary>
    private static (string Id, int Port)? Endpoint(
        AttachmentStepInput input, ContainerInstanceRecord instance, TargetGroupRecord group, ServiceLoadBalancerRecord lb)
    {
        if (group.TargetType == "ip")
        {
            return input.Task.NetworkInterface?.PrivateIpv4Address is { } address ? (address, lb.ContainerPort) : null;
        }

        var port = input.Task.Containers.FirstOrDefault(c => c.Name == lb.ContainerName)?.NetworkBindings
            .FirstOrDefault(b => b.ContainerPort == lb.ContainerPort && b.Protocol == "tcp")?.HostPort;
        return port is { } hostPort ? (instance.Ec2InstanceId, hostPort) : null;
    }

    /// <summary>The Cloud Map instance for <paramref name="registry"/>, or null while the address is unknown (or the registry is gone).</summary>
    private static CloudMapRegistration? Instance(AttachmentStepInput input, ServiceRegistryRecord registry)
    {
        if (!input.Registries.TryGetValue(registry.RegistryArn, out var discovery))
        {
            return null;
        }

        var task = input.Task;
        var container = registry.ContainerName is { } name
            ? task.Containers.FirstOrDefault(c => c.Name == name)
            : task.Containers.FirstOrDefault(c => c.Essential && c.Ipv4Address is not null) ?? task.Containers.FirstOrDefault(c => c.Ipv4Address is not null);
        var address = input.NetworkMode switch
        {
            "host" => input.Instance?.HostAddress,
            "awsvpc" => task.NetworkInterface?.PrivateIpv4Address,
            _ => container?.Ipv4Address,
        };
        if (address is null)
        {
            return null;
        }

        var attributes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [InstanceAttributes.Ipv4] = address,
            ["ECS_CLUSTER_NAME"] = input.ClusterName,
            ["ECS_SERVICE_NAME"] = input.Service!.Name,
            ["ECS_TASK_DEFINITION_FAMILY"] = task.Family,
            ["REGION"] = input.Region,
        };
        if ((registry.ContainerPort ?? registry.Port) is { } port)
        {
            attributes[InstanceAttributes.Port] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (task.AvailabilityZone is { } zone)
        {
            attributes["AVAILABILITY_ZONE"] = zone;
        }

        // A Fargate task's host is no EC2 instance of the user's (Cloud Map shows none for Fargate).
        if (input.Instance?.Ec2InstanceId is { } ec2 && task.LaunchType != FargateCapacity.LaunchType)
        {
            attributes["EC2_INSTANCE_ID"] = ec2;
        }

        if (discovery.CustomHealthCheck)
        {
            attributes[InstanceAttributes.InitHealthStatus] = "HEALTHY";
        }

        try
        {
            InstanceAttributes.Validate(discovery, attributes);
        }
        catch (Protocol.Errors.AwsServiceException)
        {
            return null;
        }

        return new CloudMapRegistration(registry.RegistryArn, task.Id, attributes);
    }

    private static TaskRecord Detach(AttachmentStepInput input, List<TargetWrite> writes, List<CloudMapRegistration> deregister)
    {
        var task = input.Task;
        if (!task.HasLiveAttachments)
        {
            return task;
        }

        var stopped = task.LastStatus == TaskStatuses.Stopped;
        var drainUntil = task.DrainUntil;
        var targets = new List<TaskTargetRecord>();
        foreach (var target in task.Targets)
        {
            if (target.Deregistered)
            {
                targets.Add(target);
                continue;
            }

            var key = LoadBalancingKinds.TargetKey(target.TargetGroupArn, target.Id, target.Port);
            var existing = input.Targets.GetValueOrDefault(key);
            var group = input.Groups.GetValueOrDefault(target.TargetGroupArn);
            var delay = group is null ? 0 : ElbAttributes.DeregistrationDelaySeconds(group.Value.Attributes);
            if (existing is not null && existing.Value.State == TargetStates.Draining)
            {
                // Already draining (another task on the same port, or a manual deregistration): wait for it too.
                drainUntil = stopped ? drainUntil : Later(drainUntil, existing.Value.DrainUntil);
            }
            else if (existing is not null && (stopped || delay == 0 || !input.GroupsInUse.Contains(target.TargetGroupArn)))
            {
                writes.Add(new TargetWrite(key, target.TargetGroupArn, null, existing.Version));
            }
            else if (existing is not null)
            {
                var until = input.Now.AddSeconds(delay);
                writes.Add(new TargetWrite(key, target.TargetGroupArn, existing.Value with
                {
                    State = TargetStates.Draining,
                    Reason = TargetStates.DeregistrationInProgress,
                    Description = "Target deregistration is in progress",
                    StateChangedAt = input.Now,
                    DrainUntil = until,
                }, existing.Version));
                drainUntil = Later(drainUntil, until);
            }

            targets.Add(target with { Deregistered = true, State = TargetStates.Draining });
        }

        foreach (var registration in task.Registrations.Where(r => !r.Deregistered))
        {
            deregister.Add(new CloudMapRegistration(registration.RegistryArn, registration.InstanceId, new Dictionary<string, string>()));
        }

        var draining = !stopped && drainUntil is { } end && end > input.Now;
        return task with
        {
            Targets = targets,
            Registrations = [.. task.Registrations.Select(r => r with { Deregistered = true })],
            DrainUntil = draining ? drainUntil : task.DrainUntil,
            LastStatus = draining && task.LastStatus == TaskStatuses.Running ? TaskStatuses.Deactivating : task.LastStatus,
        };
    }

    /// <summary>Copies the data plane's view of each registered target onto the task (what the service scheduler reads).</summary>
    private static TaskRecord SyncHealth(TaskRecord task, AttachmentStepInput input)
    {
        if (task.Targets.Count == 0)
        {
            return task;
        }

        var synced = task.Targets.Select(t =>
        {
            if (t.Deregistered || input.Targets.GetValueOrDefault(LoadBalancingKinds.TargetKey(t.TargetGroupArn, t.Id, t.Port)) is not { } doc)
            {
                return t;
            }

            return t.State == doc.Value.State && t.Reason == doc.Value.Reason && t.Description == doc.Value.Description
                ? t
                : t with { State = doc.Value.State, Reason = doc.Value.Reason, Description = doc.Value.Description, StateChangedAt = doc.Value.StateChangedAt };
        }).ToList();
        return synced.SequenceEqual(task.Targets) ? task : task with { Targets = synced };
    }

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static bool Same(TaskRecord a, TaskRecord b) =>
        ReferenceEquals(a, b)
        || (a.LastStatus == b.LastStatus && a.DrainUntil == b.DrainUntil
            && a.Targets.SequenceEqual(b.Targets) && a.Registrations.SequenceEqual(b.Registrations));
}
