using Wharf.Core.Model;
using Wharf.Protocol.Generated.ElasticLoadBalancingV2;
using Wharf.Server.Api;
using Wharf.Server.ElasticLoadBalancing.Common;

namespace Wharf.Server.ElasticLoadBalancing.LoadBalancers;

/// <summary>
/// DeleteLoadBalancer with its listeners and rules, in one transaction. Deleting one that does not
/// exist succeeds, as in ELBv2; deletion protection refuses it.
/// </summary>
internal sealed class DeleteLoadBalancerHandler(ElbState elb) : IOperationHandler<DeleteLoadBalancerInput, DeleteLoadBalancerOutput>
{
    public async ValueTask<DeleteLoadBalancerOutput> HandleAsync(DeleteLoadBalancerInput input, OperationContext context, CancellationToken cancellationToken)
    {
        await elb.Repository.RetryAsync(async ct =>
        {
            var lb = await elb.Repository.GetAsync<LoadBalancerRecord>(LoadBalancingKinds.LoadBalancer, input.LoadBalancerArn!, ct);
            if (lb is null)
            {
                return 0;
            }

            if (lb.Value.Attributes.TryGetValue("deletion_protection.enabled", out var p) && p == "true")
            {
                throw ElbErrors.OperationNotPermitted(
                    $"Load balancer '{lb.Value.Arn}' cannot be deleted because deletion protection is enabled");
            }

            var write = elb.Repository.Begin();
            foreach (var listener in await elb.ListenersAsync(lb.Value.Arn, ct))
            {
                foreach (var rule in await elb.RulesAsync(listener.Value.Arn, ct))
                {
                    write.Delete(LoadBalancingKinds.Rule, rule.Key, rule.Version);
                    await ElbTags.DeleteAsync(elb.Repository, write, rule.Key, ct);
                }

                write.Delete(LoadBalancingKinds.Listener, listener.Key, listener.Version);
                await ElbTags.DeleteAsync(elb.Repository, write, listener.Key, ct);
            }

            write.Delete(LoadBalancingKinds.LoadBalancer, lb.Key, lb.Version);
            await ElbTags.DeleteAsync(elb.Repository, write, lb.Key, ct);
            await write.CommitAsync(ct);
            return 0;
        }, cancellationToken);
        return new DeleteLoadBalancerOutput();
    }
}
