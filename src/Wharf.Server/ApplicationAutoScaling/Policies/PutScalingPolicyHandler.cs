using Wharf.Protocol.Generated.ApplicationAutoScaling;
using Wharf.Server.Api;
using Wharf.Server.ApplicationAutoScaling.Common;

namespace Wharf.Server.ApplicationAutoScaling.Policies;

/// <summary>
/// PutScalingPolicy: creates or replaces a policy of a registered target. A target-tracking policy
/// gets its two alarms (created before the policy is stored, so an alarm never names a policy that
/// a failed request left behind); replacing a policy keeps its ARN and alarm names.
/// </summary>
internal sealed class PutScalingPolicyHandler(ScalingStore store, ScalingNames names, TargetTrackingAlarms alarms, TimeProvider time)
    : IOperationHandler<PutScalingPolicyRequest, PutScalingPolicyResponse>
{
    public async ValueTask<PutScalingPolicyResponse> HandleAsync(PutScalingPolicyRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        var resource = ScalableResource.Parse(input.ServiceNamespace, input.ResourceId, input.ScalableDimension);
        var type = PolicyValidation.PolicyType(input);
        var step = type == PolicyTypeValues.StepScaling ? PolicyValidation.Step(input.StepScalingPolicyConfiguration) : null;
        var tracking = type == PolicyTypeValues.TargetTrackingScaling
            ? PolicyValidation.TargetTracking(input.TargetTrackingScalingPolicyConfiguration)
            : null;
        var metric = tracking is null ? null : TrackedMetric.Resolve(tracking, resource);
        var name = input.PolicyName!;
        var key = ScalingKinds.ChildKey(resource.Key, name);

        await store.TargetAsync(resource, cancellationToken);
        var existing = (await store.Repository.GetAsync<ScalingPolicyRecord>(ScalingKinds.Policy, key, cancellationToken))?.Value;
        var arn = existing?.Arn ?? names.PolicyArn(resource.ServiceNamespace, resource.ResourceId, name);
        var previousAlarms = existing?.Alarms ?? [];
        IReadOnlyList<PolicyAlarm> owned = tracking is null
            ? []
            : await alarms.PutAsync(arn, tracking, metric!, resource.ResourceId, previousAlarms, cancellationToken);

        var record = await store.Repository.RetryAsync(
            async ct =>
            {
                await store.TargetAsync(resource, ct);
                var current = await store.Repository.GetAsync<ScalingPolicyRecord>(ScalingKinds.Policy, key, ct);
                var next = new ScalingPolicyRecord
                {
                    PolicyName = name,
                    Arn = current?.Value.Arn ?? arn,
                    ServiceNamespace = resource.ServiceNamespace,
                    ResourceId = resource.ResourceId,
                    ScalableDimension = resource.ScalableDimension,
                    PolicyType = type,
                    StepScaling = step,
                    TargetTracking = tracking,
                    Alarms = owned,
                    CreatedAt = current?.Value.CreatedAt ?? time.GetUtcNow(),
                };
                var write = store.Repository.Begin();
                write.Put(ScalingKinds.Policy, key, resource.Key, next, current?.Version ?? 0);
                await write.CommitAsync(ct);
                return next;
            },
            cancellationToken);

        if (tracking is null && previousAlarms.Count > 0)
        {
            await alarms.DeleteAsync(previousAlarms, cancellationToken);
        }

        return new PutScalingPolicyResponse { PolicyARN = record.Arn, Alarms = ScalingMapper.Alarms(record) };
    }
}
