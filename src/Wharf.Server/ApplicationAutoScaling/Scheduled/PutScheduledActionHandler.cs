using Wharf.Protocol.Generated.ApplicationAutoScaling;
using Wharf.Server.Api;
using Wharf.Server.ApplicationAutoScaling.Common;

namespace Wharf.Server.ApplicationAutoScaling.Scheduled;

/// <summary>
/// PutScheduledAction: creates or replaces a scheduled action of a registered target. Replacing
/// keeps its ARN and creation time; what is not given keeps its current value, as AWS does.
/// </summary>
internal sealed class PutScheduledActionHandler(ScalingStore store, ScalingNames names, ScheduledActionRunner runner, TimeProvider time)
    : IOperationHandler<PutScheduledActionRequest, PutScheduledActionResponse>
{
    public async ValueTask<PutScheduledActionResponse> HandleAsync(
        PutScheduledActionRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        var resource = ScalableResource.Parse(input.ServiceNamespace, input.ResourceId, input.ScalableDimension);
        var name = input.ScheduledActionName!;
        var key = ScalingKinds.ChildKey(resource.Key, name);
        if (input.ScalableTargetAction is { MinCapacity: < 0 } or { MaxCapacity: < 0 })
        {
            throw ScalingErrors.Validation("MinCapacity and MaxCapacity must not be negative.");
        }

        if (input.ScalableTargetAction is { MinCapacity: { } min, MaxCapacity: { } max } && min > max)
        {
            throw ScalingErrors.Validation($"Minimum capacity ({min}) cannot be greater than maximum capacity ({max}).");
        }

        if (input.StartTime is { } start && input.EndTime is { } end && end <= start)
        {
            throw ScalingErrors.Validation("EndTime must be later than StartTime.");
        }

        await store.Repository.RetryAsync(
            async ct =>
            {
                await store.TargetAsync(resource, ct);
                var current = await store.Repository.GetAsync<ScheduledActionRecord>(ScalingKinds.ScheduledAction, key, ct);
                var old = current?.Value;
                var schedule = input.Schedule ?? old?.Schedule
                    ?? throw ScalingErrors.Validation("Schedule is required when creating a scheduled action.");
                var timezone = input.Timezone ?? old?.Timezone;
                ScheduleExpression.Parse(schedule, timezone);
                var next = new ScheduledActionRecord
                {
                    Name = name,
                    Arn = old?.Arn ?? names.ScheduledActionArn(resource.ServiceNamespace, resource.ResourceId, name),
                    ServiceNamespace = resource.ServiceNamespace,
                    ResourceId = resource.ResourceId,
                    ScalableDimension = resource.ScalableDimension,
                    Schedule = schedule,
                    Timezone = timezone,
                    StartTime = input.StartTime ?? old?.StartTime,
                    EndTime = input.EndTime ?? old?.EndTime,
                    MinCapacity = input.ScalableTargetAction is null ? old?.MinCapacity : input.ScalableTargetAction.MinCapacity,
                    MaxCapacity = input.ScalableTargetAction is null ? old?.MaxCapacity : input.ScalableTargetAction.MaxCapacity,
                    CreatedAt = old?.CreatedAt ?? time.GetUtcNow(),

                    // A changed schedule counts from now: occurrences already past are not run.
                    LastOccurrence = time.GetUtcNow(),
                };
                var write = store.Repository.Begin();
                write.Put(ScalingKinds.ScheduledAction, key, resource.Key, next, current?.Version ?? 0);
                await write.CommitAsync(ct);
                return true;
            },
            cancellationToken);
        runner.Wake();
        return new PutScheduledActionResponse();
    }
}
