using Wharf.Protocol.Generated.ApplicationAutoScaling;
using Wharf.Server.Api;
using Wharf.Server.ApplicationAutoScaling.Common;
using Wharf.Server.ApplicationAutoScaling.Engine;

namespace Wharf.Server.ApplicationAutoScaling.Targets;

/// <summary>
/// RegisterScalableTarget: registers an ECS service's desired count, or updates the bounds and
/// suspended state of one already registered (what is not given is kept). A desired count outside
/// the new bounds is moved into them in the same transaction, recorded as an activity.
/// </summary>
internal sealed class RegisterScalableTargetHandler(ScalingStore store, CapacityCommitter committer, ScalingNames names, TimeProvider time)
    : IOperationHandler<RegisterScalableTargetRequest, RegisterScalableTargetResponse>
{
    public async ValueTask<RegisterScalableTargetResponse> HandleAsync(
        RegisterScalableTargetRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        var resource = ScalableResource.Parse(input.ServiceNamespace, input.ResourceId, input.ScalableDimension);
        if (input.MinCapacity is < 0 || input.MaxCapacity is < 0)
        {
            throw ScalingErrors.Validation("MinCapacity and MaxCapacity must not be negative.");
        }

        if (await store.ServiceAsync(resource, cancellationToken) is not { Value.Status: "ACTIVE" })
        {
            throw ScalingErrors.ServiceMissing(resource.ResourceId);
        }

        string arn = "";
        await committer.ApplyAsync(
            resource,
            (existing, service) =>
            {
                if (service is null)
                {
                    throw ScalingErrors.ServiceMissing(resource.ResourceId);
                }

                var target = existing is null ? Create(resource, input, service.Arn) : Update(existing, input);
                arn = target.Arn;
                var current = service.DesiredCount;
                var clamped = CapacityMath.Clamp(current, target.MinCapacity, target.MaxCapacity);
                return new CapacityChange(
                    target,
                    clamped == current ? null : clamped,
                    ScalingActivities.BoundsCause(current, target.MinCapacity, target.MaxCapacity));
            },
            cancellationToken);
        return new RegisterScalableTargetResponse { ScalableTargetARN = arn };
    }

    private ScalableTargetRecord Create(ScalableResource resource, RegisterScalableTargetRequest input, string serviceArn)
    {
        _ = serviceArn;
        if (input.MinCapacity is not { } min || input.MaxCapacity is not { } max)
        {
            throw ScalingErrors.Validation("MinCapacity and MaxCapacity are required for registering a new scalable target.");
        }

        Bounds(min, max);
        return new ScalableTargetRecord
        {
            ServiceNamespace = resource.ServiceNamespace,
            ResourceId = resource.ResourceId,
            ScalableDimension = resource.ScalableDimension,
            Arn = names.TargetArn(),
            MinCapacity = min,
            MaxCapacity = max,
            RoleArn = names.EcsRoleArn(),
            CreatedAt = time.GetUtcNow(),
            DynamicScalingInSuspended = input.SuspendedState?.DynamicScalingInSuspended ?? false,
            DynamicScalingOutSuspended = input.SuspendedState?.DynamicScalingOutSuspended ?? false,
            ScheduledScalingSuspended = input.SuspendedState?.ScheduledScalingSuspended ?? false,
            Tags = ScalingTags.Merge(new Dictionary<string, string>(), input.Tags),
        };
    }

    private static ScalableTargetRecord Update(ScalableTargetRecord target, RegisterScalableTargetRequest input)
    {
        var min = input.MinCapacity ?? target.MinCapacity;
        var max = input.MaxCapacity ?? target.MaxCapacity;
        Bounds(min, max);
        return target with
        {
            MinCapacity = min,
            MaxCapacity = max,
            DynamicScalingInSuspended = input.SuspendedState?.DynamicScalingInSuspended ?? target.DynamicScalingInSuspended,
            DynamicScalingOutSuspended = input.SuspendedState?.DynamicScalingOutSuspended ?? target.DynamicScalingOutSuspended,
            ScheduledScalingSuspended = input.SuspendedState?.ScheduledScalingSuspended ?? target.ScheduledScalingSuspended,
        };
    }

    private static void Bounds(int min, int max)
    {
        if (min > max)
        {
            throw ScalingErrors.Validation($"Minimum capacity ({min}) cannot be greater than maximum capacity ({max}).");
        }
    }
}
