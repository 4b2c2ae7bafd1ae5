using Wharf.Core.Model;
using Wharf.Protocol.Generated.ElasticLoadBalancingV2;
using Wharf.Server.Api;
using Wharf.Server.ElasticLoadBalancing.Common;

namespace Wharf.Server.ElasticLoadBalancing.Listeners;

/// <summary>ModifyListener: port, protocol and default actions; what is omitted stays.</summary>
internal sealed class ModifyListenerHandler(ElbState elb, ListenerPorts ports) : IOperationHandler<ModifyListenerInput, ModifyListenerOutput>
{
    public async ValueTask<ModifyListenerOutput> HandleAsync(ModifyListenerInput input, OperationContext context, CancellationToken cancellationToken)
    {
        var actions = input.DefaultActions is { Count: > 0 } ? await ports.ActionsAsync(input.DefaultActions, cancellationToken) : null;
        var record = await elb.Repository.RetryAsync(async ct =>
        {
            var listener = await elb.ListenerAsync(input.ListenerArn, ct);
            var port = input.Port ?? listener.Value.Port;
            ListenerPorts.ValidateProtocolAndPort(input.Protocol ?? listener.Value.Protocol, port);
            if (port != listener.Value.Port)
            {
                await ports.CheckAvailableAsync(listener.Value.LoadBalancerArn, port, listener.Key, ct);
            }

            var updated = listener.Value with
            {
                Port = port,
                Protocol = input.Protocol ?? listener.Value.Protocol,
                DefaultActions = actions ?? listener.Value.DefaultActions,
            };
            var write = elb.Repository.Begin();
            write.Put(LoadBalancingKinds.Listener, listener.Key, listener.Value.LoadBalancerArn, updated, listener.Version);
            await write.CommitAsync(ct);
            return updated;
        }, cancellationToken);
        return new ModifyListenerOutput { Listeners = [ElbMapper.ToWire(record)] };
    }
}
