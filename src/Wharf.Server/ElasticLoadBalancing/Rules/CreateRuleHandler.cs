using Wharf.Core.Model;
using Wharf.Protocol.Generated.ElasticLoadBalancingV2;
using Wharf.Server.Api;
using Wharf.Server.ElasticLoadBalancing.Common;

namespace Wharf.Server.ElasticLoadBalancing.Rules;

/// <summary>CreateRule: conditions and one action at a priority no other rule of the listener holds.</summary>
internal sealed class CreateRuleHandler(ElbState elb) : IOperationHandler<CreateRuleInput, CreateRuleOutput>
{
    public async ValueTask<CreateRuleOutput> HandleAsync(CreateRuleInput input, OperationContext context, CancellationToken cancellationToken)
    {
        RuleLookup.ValidatePriority(input.Priority);
        var conditions = ConditionMapper.ToRecords(input.Conditions);
        var actions = ActionMapper.ToRecords(input.Actions);
        ElbTags.Validate(input.Tags);
        await elb.CheckTargetGroupsAsync(actions, cancellationToken);
        var priority = input.Priority!.Value;

        var record = await elb.Repository.RetryAsync(async ct =>
        {
            var listener = await elb.ListenerAsync(input.ListenerArn, ct);
            if ((await elb.RulesAsync(listener.Key, ct)).Any(r => r.Value.Priority == priority))
            {
                throw ElbErrors.PriorityInUse(priority);
            }

            var created = new RuleRecord
            {
                Arn = ElbNames.Rule(listener.Key, ElbNames.NewId()),
                ListenerArn = listener.Key,
                Priority = priority,
                Conditions = conditions,
                Actions = actions,
            };
            var write = elb.Repository.Begin();
            write.Put(LoadBalancingKinds.Rule, created.Arn, listener.Key, created, 0);

            // The listener's version guards the priority check against a concurrent CreateRule.
            write.Put(LoadBalancingKinds.Listener, listener.Key, listener.Value.LoadBalancerArn, listener.Value, listener.Version);
            ElbTags.PutNew(write, created.Arn, input.Tags);
            await write.CommitAsync(ct);
            return created;
        }, cancellationToken);
        return new CreateRuleOutput { Rules = [ElbMapper.ToWire(record)] };
    }
}
