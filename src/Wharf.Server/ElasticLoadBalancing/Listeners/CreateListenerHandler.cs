using Wharf.Core.Model;
using Wharf.Protocol.Generated.ElasticLoadBalancingV2;
using Wharf.Server.Api;
using Wharf.Server.ElasticLoadBalancing.Common;

namespace Wharf.Server.ElasticLoadBalancing.Listeners;

/// <summary>
/// CreateListener (HTTP). The same port and settings again returns the existing listener, as
/// ELBv2 does; the same port with other settings is a duplicate listener.
/// </summary>
internal sealed class CreateListenerHandler(ElbState elb, ListenerPorts ports) : IOperationHandler<CreateListenerInput, CreateListenerOutput>
{
    public async ValueTask<CreateListenerOutput> HandleAsync(CreateListenerInput input, OperationContext context, CancellationToken cancellationToken)
    {
        ListenerPorts.ValidateProtocolAndPort(input.Protocol ?? "HTTP", input.Port);
        ElbTags.Validate(input.Tags);
        var actions = await ports.ActionsAsync(input.DefaultActions, cancellationToken);
        var port = input.Port!.Value;

        var record = await elb.Repository.RetryAsync(async ct =>
        {
            var lb = await elb.LoadBalancerAsync(input.LoadBalancerArn, ct);
            var same = (await elb.ListenersAsync(lb.Key, ct)).Select(l => l.Value).FirstOrDefault(l => l.Port == port);
            if (same is not null && System.Text.Json.JsonSerializer.Serialize(same.DefaultActions, State.StateRepository.Json) == System.Text.Json.JsonSerializer.Serialize(actions, State.StateRepository.Json))
            {
                return same;
            }

            await ports.CheckAvailableAsync(lb.Key, port, null, ct);
            var created = new ListenerRecord
            {
                Arn = ElbNames.Listener(lb.Key, ElbNames.NewId()),
                LoadBalancerArn = lb.Key,
                Port = port,
                Protocol = input.Protocol ?? "HTTP",
                DefaultRuleId = ElbNames.NewId(),
                DefaultActions = actions,
            };
            var write = elb.Repository.Begin();
            write.Put(LoadBalancingKinds.Listener, created.Arn, lb.Key, created, 0);

            // Keep the balancer's version in the commit so a concurrent delete cannot orphan the listener.
            write.Put(LoadBalancingKinds.LoadBalancer, lb.Key, "", lb.Value, lb.Version);
            ElbTags.PutNew(write, created.Arn, input.Tags);
            await write.CommitAsync(ct);
            return created;
        }, cancellationToken);
        return new CreateListenerOutput { Listeners = [ElbMapper.ToWire(record)] };
    }
}
