using Wharf.Core.Model;
using Wharf.Protocol.Generated.ElasticLoadBalancingV2;
using Wharf.Server.Api;
using Wharf.Server.ElasticLoadBalancing.Common;

namespace Wharf.Server.ElasticLoadBalancing.LoadBalancers;

/// <summary>ModifyLoadBalancerAttributes: known keys with valid values only, all or nothing; returns every attribute.</summary>
internal sealed class ModifyLoadBalancerAttributesHandler(ElbState elb)
    : IOperationHandler<ModifyLoadBalancerAttributesInput, ModifyLoadBalancerAttributesOutput>
{
    public async ValueTask<ModifyLoadBalancerAttributesOutput> HandleAsync(
        ModifyLoadBalancerAttributesInput input, OperationContext context, CancellationToken cancellationToken)
    {
        var updated = await elb.Repository.RetryAsync(async ct =>
        {
            var lb = await elb.LoadBalancerAsync(input.LoadBalancerArn, ct);
            var attributes = ElbAttributes.Apply(
                ElbAttributes.LoadBalancerDefaults, lb.Value.Attributes, (input.Attributes ?? []).Select(a => (a.Key, a.Value)));
            var record = lb.Value with { Attributes = attributes };
            var write = elb.Repository.Begin();
            write.Put(LoadBalancingKinds.LoadBalancer, lb.Key, "", record, lb.Version);
            await write.CommitAsync(ct);
            return record;
        }, cancellationToken);
        return new ModifyLoadBalancerAttributesOutput { Attributes = ElbAttributes.ToLoadBalancerWire(updated.Attributes) };
    }
}
