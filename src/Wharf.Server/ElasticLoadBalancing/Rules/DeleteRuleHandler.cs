using Wharf.Core.Model;
using Wharf.Protocol.Generated.ElasticLoadBalancingV2;
using Wharf.Server.Api;
using Wharf.Server.ElasticLoadBalancing.Common;

namespace Wharf.Server.ElasticLoadBalancing.Rules;

/// <summary>DeleteRule; a listener's default rule cannot be deleted.</summary>
internal sealed class DeleteRuleHandler(ElbState elb, RuleLookup lookup) : IOperationHandler<DeleteRuleInput, DeleteRuleOutput>
{
    public async ValueTask<DeleteRuleOutput> HandleAsync(DeleteRuleInput input, OperationContext context, CancellationToken cancellationToken)
    {
        await elb.Repository.RetryAsync(async ct =>
        {
            var (rule, _) = await lookup.FindAsync(input.RuleArn, ct);
            if (rule is null)
            {
                throw ElbErrors.OperationNotPermitted("Default rule cannot be deleted");
            }

            var write = elb.Repository.Begin();
            write.Delete(LoadBalancingKinds.Rule, rule.Key, rule.Version);
            await ElbTags.DeleteAsync(elb.Repository, write, rule.Key, ct);
            await write.CommitAsync(ct);
            return 0;
        }, cancellationToken);
        return new DeleteRuleOutput();
    }
}
