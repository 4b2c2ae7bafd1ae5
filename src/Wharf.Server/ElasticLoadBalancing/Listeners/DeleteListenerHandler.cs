using Wharf.Core.Model;
using Wharf.Protocol.Generated.ElasticLoadBalancingV2;
using Wharf.Server.Api;
using Wharf.Server.ElasticLoadBalancing.Common;

namespace Wharf.Server.ElasticLoadBalancing.Listeners;

/// <summary>DeleteListener with its rules, in one transaction.</summary>
internal sealed class DeleteListenerHandler(ElbState elb) : IOperationHandler<DeleteListenerInput, DeleteListenerOutput>
{
    public async ValueTask<DeleteListenerOutput> HandleAsync(DeleteListenerInput input, OperationContext context, CancellationToken cancellationToken)
    {
        await elb.Repository.RetryAsync(async ct =>
        {
            var listener = await elb.ListenerAsync(input.ListenerArn, ct);
            var write = elb.Repository.Begin();
            foreach (var rule in await elb.RulesAsync(listener.Key, ct))
            {
                write.Delete(LoadBalancingKinds.Rule, rule.Key, rule.Version);
                await ElbTags.DeleteAsync(elb.Repository, write, rule.Key, ct);
            }

            write.Delete(LoadBalancingKinds.Listener, listener.Key, listener.Version);
            await ElbTags.DeleteAsync(elb.Repository, write, listener.Key, ct);
            await write.CommitAsync(ct);
            return 0;
        }, cancellationToken);
        return new DeleteListenerOutput();
    }
}
