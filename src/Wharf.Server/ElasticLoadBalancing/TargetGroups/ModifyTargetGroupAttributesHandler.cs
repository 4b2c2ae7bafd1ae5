using Wharf.Core.Model;
using Wharf.Protocol.Generated.ElasticLoadBalancingV2;
using Wharf.Server.Api;
using Wharf.Server.ElasticLoadBalancing.Common;

namespace Wharf.Server.ElasticLoadBalancing.TargetGroups;

/// <summary>ModifyTargetGroupAttributes: known keys with valid values only, all or nothing; returns every attribute.</summary>
internal sealed class ModifyTargetGroupAttributesHandler(ElbState elb)
    : IOperationHandler<ModifyTargetGroupAttributesInput, ModifyTargetGroupAttributesOutput>
{
    public async ValueTask<ModifyTargetGroupAttributesOutput> HandleAsync(
        ModifyTargetGroupAttributesInput input, OperationContext context, CancellationToken cancellationToken)
    {
        var updated = await elb.Repository.RetryAsync(async ct =>
        {
            var group = await elb.TargetGroupAsync(input.TargetGroupArn, ct);
            var attributes = ElbAttributes.Apply(
                ElbAttributes.TargetGroupDefaults, group.Value.Attributes, (input.Attributes ?? []).Select(a => (a.Key, a.Value)));
            var record = group.Value with { Attributes = attributes };
            var write = elb.Repository.Begin();
            write.Put(LoadBalancingKinds.TargetGroup, group.Key, "", record, group.Version);
            await write.CommitAsync(ct);
            return record;
        }, cancellationToken);
        return new ModifyTargetGroupAttributesOutput { Attributes = ElbAttributes.ToTargetGroupWire(updated.Attributes) };
    }
}
