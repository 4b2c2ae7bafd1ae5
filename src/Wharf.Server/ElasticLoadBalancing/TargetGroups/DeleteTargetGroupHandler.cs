using Wharf.Core.Model;
using Wharf.Protocol.Generated.ElasticLoadBalancingV2;
using Wharf.Server.Api;
using Wharf.Server.ElasticLoadBalancing.Common;

namespace Wharf.Server.ElasticLoadBalancing.TargetGroups;

/// <summary>
/// DeleteTargetGroup with its targets. A group a listener or rule forwards to is in use and stays;
/// an unknown group is already gone, which ELBv2 treats as success.
/// </summary>
internal sealed class DeleteTargetGroupHandler(ElbState elb) : IOperationHandler<DeleteTargetGroupInput, DeleteTargetGroupOutput>
{
    public async ValueTask<DeleteTargetGroupOutput> HandleAsync(DeleteTargetGroupInput input, OperationContext context, CancellationToken cancellationToken)
    {
        await elb.Repository.RetryAsync(async ct =>
        {
            var group = await elb.Repository.GetAsync<TargetGroupRecord>(LoadBalancingKinds.TargetGroup, input.TargetGroupArn!, ct);
            if (group is null)
            {
                return 0;
            }

            if ((await elb.TargetGroupUsageAsync(ct)).ContainsKey(group.Key))
            {
                throw ElbErrors.ResourceInUse($"Target group '{group.Key}' is currently in use by a listener or a rule");
            }

            var write = elb.Repository.Begin();
            foreach (var target in await elb.TargetsAsync(group.Key, ct))
            {
                write.Delete(LoadBalancingKinds.Target, target.Key, target.Version);
            }

            write.Delete(LoadBalancingKinds.TargetGroup, group.Key, group.Version);
            await ElbTags.DeleteAsync(elb.Repository, write, group.Key, ct);
            await write.CommitAsync(ct);
            return 0;
        }, cancellationToken);
        return new DeleteTargetGroupOutput();
    }
}
