using Wharf.Core.Model;
using Wharf.Server.State;

namespace Wharf.Server.ApplicationAutoScaling.Common;

/// <summary>Reads Application Auto Scaling records and the ECS services they scale. Stateless.</summary>
internal sealed class ScalingStore(StateRepository state, ResourceNames names)
{
    public StateRepository Repository => state;

    public ValueTask<Versioned<ScalableTargetRecord>?> FindTargetAsync(string targetKey, CancellationToken cancellationToken) =>
        state.GetAsync<ScalableTargetRecord>(ScalingKinds.Target, targetKey, cancellationToken);

    /// <summary>The registered target, or ObjectNotFoundException.</summary>
    public async ValueTask<Versioned<ScalableTargetRecord>> TargetAsync(ScalableResource resource, CancellationToken cancellationToken) =>
        await FindTargetAsync(resource.Key, cancellationToken)
            ?? throw ScalingErrors.TargetNotFound(resource.ServiceNamespace, resource.ResourceId, resource.ScalableDimension);

    public ValueTask<IReadOnlyList<Versioned<ScalableTargetRecord>>> TargetsAsync(string serviceNamespace, CancellationToken cancellationToken) =>
        state.ListAsync<ScalableTargetRecord>(ScalingKinds.Target, serviceNamespace, cancellationToken);

    public ValueTask<IReadOnlyList<Versioned<ScalingPolicyRecord>>> PoliciesAsync(string targetKey, CancellationToken cancellationToken) =>
        state.ListAsync<ScalingPolicyRecord>(ScalingKinds.Policy, targetKey, cancellationToken);

    /// <summary>Every policy of a namespace (their keys start with the namespace).</summary>
    public ValueTask<IReadOnlyList<Versioned<ScalingPolicyRecord>>> AllPoliciesAsync(string serviceNamespace, CancellationToken cancellationToken) =>
        state.ListByPrefixAsync<ScalingPolicyRecord>(ScalingKinds.Policy, serviceNamespace + "|", cancellationToken);

    public ValueTask<IReadOnlyList<Versioned<ScheduledActionRecord>>> ScheduledActionsAsync(string targetKey, CancellationToken cancellationToken) =>
        state.ListAsync<ScheduledActionRecord>(ScalingKinds.ScheduledAction, targetKey, cancellationToken);

    public ValueTask<IReadOnlyList<Versioned<ScheduledActionRecord>>> AllScheduledActionsAsync(string serviceNamespace, CancellationToken cancellationToken) =>
        state.ListByPrefixAsync<ScheduledActionRecord>(ScalingKinds.ScheduledAction, serviceNamespace + "|", cancellationToken);

    public ValueTask<IReadOnlyList<Versioned<ScalingActivityRecord>>> ActivitiesAsync(string serviceNamespace, CancellationToken cancellationToken) =>
        state.ListAsync<ScalingActivityRecord>(ScalingKinds.Activity, serviceNamespace, cancellationToken);

    /// <summary>The ECS service a resource names, in any status, or null.</summary>
    public ValueTask<Versioned<ServiceRecord>?> ServiceAsync(ScalableResource resource, CancellationToken cancellationToken) =>
        state.GetAsync<ServiceRecord>(StateKinds.Service, names.Service(resource.ClusterName, resource.ServiceName), cancellationToken);
}
