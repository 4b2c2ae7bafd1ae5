using Wharf.Core.Model;
using Wharf.Protocol.Generated.ElasticLoadBalancingV2;
using Wharf.Server.Api;
using Wharf.Server.ElasticLoadBalancing.Common;

namespace Wharf.Server.ElasticLoadBalancing.Listeners;

/// <summary>ModifyListenerAttributes: known keys only, all or nothing; returns every attribute.</summary>
internal sealed class ModifyListenerAttributesHandler(ElbState elb)
    : IOperationHandler<ModifyListenerAttributesInput, ModifyListenerAttributesOutput>
{
    public async ValueTask<ModifyListenerAttributesOutput> HandleAsync(
        ModifyListenerAttributesInput input, OperationContext context, CancellationToken cancellationToken)
    {
        var updated = await elb.Repository.RetryAsync(async ct =>
        {
            var listener = await elb.ListenerAsync(input.ListenerArn, ct);
            var attributes = ElbAttributes.Apply(
                ElbAttributes.ListenerDefaults, listener.Value.Attributes, (input.Attributes ?? []).Select(a => (a.Key, a.Value)));
            var record = listener.Value with { Attributes = attributes };
            var write = elb.Repository.Begin();
            write.Put(LoadBalancingKinds.Listener, listener.Key, listener.Value.LoadBalancerArn, record, listener.Version);
            await write.CommitAsync(ct);
            return record;
        }, cancellationToken);
        return new ModifyListenerAttributesOutput { Attributes = ElbAttributes.ToListenerWire(updated.Attributes) };
    }
}
