using Microsoft.Extensions.Time.Testing;
using Wharf.Protocol.Errors;
using Wharf.Protocol.Generated.ElasticLoadBalancingV2;
using Wharf.Server.Api;
using Wharf.Server.Ec2;
using Wharf.Server.ElasticLoadBalancing.Common;
using Wharf.Server.ElasticLoadBalancing.Listeners;
using Wharf.Server.ElasticLoadBalancing.LoadBalancers;
using Wharf.Server.ElasticLoadBalancing.Rules;
using Wharf.Server.ElasticLoadBalancing.Tagging;
using Wharf.Server.ElasticLoadBalancing.TargetGroups;
using Wharf.Server.ElasticLoadBalancing.Targets;
using Wharf.Server.State;
using Wharf.Server.Tests.Fakes;
using Xunit;
using Action = Wharf.Protocol.Generated.ElasticLoadBalancingV2.Action;

namespace Wharf.Server.Tests.ElasticLoadBalancing;

/// <summary>The ELBv2 and EC2 handlers over an in-memory store, with a port probe the test controls.</summary>
internal sealed class ElbTestBed
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    public static readonly OperationContext Context = new("request-1", "AKIDEXAMPLE", "us-east-1");

    public ElbTestBed()
    {
        State = new StateRepository(Store);
        var options = new WharfServerOptions { DataDirectory = "/nonexistent" };
        Network = new DefaultNetwork(State, options);
        var names = new ElbNames(options);
        Elb = new ElbState(State);
        var ports = new ListenerPorts(Elb, Probe);
        var rules = new RuleLookup(Elb);
        var resolver = new TargetResolver(State);
        var taggable = new TaggableElbResources(Elb);

        CreateLoadBalancer = new CreateLoadBalancerHandler(Elb, names, Network, Time);
        DescribeLoadBalancers = new DescribeLoadBalancersHandler(Elb);
        DeleteLoadBalancer = new DeleteLoadBalancerHandler(Elb);
        DescribeLoadBalancerAttributes = new DescribeLoadBalancerAttributesHandler(Elb);
        ModifyLoadBalancerAttributes = new ModifyLoadBalancerAttributesHandler(Elb);
        CreateTargetGroup = new CreateTargetGroupHandler(Elb, names, Network, Time);
        DescribeTargetGroups = new DescribeTargetGroupsHandler(Elb);
        ModifyTargetGroup = new ModifyTargetGroupHandler(Elb);
        DeleteTargetGroup = new DeleteTargetGroupHandler(Elb);
        DescribeTargetGroupAttributes = new DescribeTargetGroupAttributesHandler(Elb);
        ModifyTargetGroupAttributes = new ModifyTargetGroupAttributesHandler(Elb);
        CreateListener = new CreateListenerHandler(Elb, ports);
        DescribeListeners = new DescribeListenersHandler(Elb);
        ModifyListener = new ModifyListenerHandler(Elb, ports);
        DeleteListener = new DeleteListenerHandler(Elb);
        CreateRule = new CreateRuleHandler(Elb);
        DescribeRules = new DescribeRulesHandler(Elb, rules);
        ModifyRule = new ModifyRuleHandler(Elb, rules);
        DeleteRule = new DeleteRuleHandler(Elb, rules);
        SetRulePriorities = new SetRulePrioritiesHandler(Elb, rules);
        RegisterTargets = new RegisterTargetsHandler(Elb, resolver, Time);
        DeregisterTargets = new DeregisterTargetsHandler(Elb, resolver, Time);
        DescribeTargetHealth = new DescribeTargetHealthHandler(Elb);
        AddTags = new AddTagsHandler(Elb, taggable);
        RemoveTags = new RemoveTagsHandler(Elb, taggable);
        DescribeTags = new DescribeTagsHandler(Elb, taggable);
        DescribeSubnets = new DescribeSubnetsHandler(Network);
        DescribeVpcs = new DescribeVpcsHandler(Network);
        DescribeSecurityGroups = new DescribeSecurityGroupsHandler(Network);
    }

    public InMemoryStateStore Store { get; } = new();
    public StateRepository State { get; }
    public FakeTimeProvider Time { get; } = new(Start);
    public FakeProbe Probe { get; } = new();
    public DefaultNetwork Network { get; }
    public ElbState Elb { get; }

    public CreateLoadBalancerHandler CreateLoadBalancer { get; }
    public DescribeLoadBalancersHandler DescribeLoadBalancers { get; }
    public DeleteLoadBalancerHandler DeleteLoadBalancer { get; }
    public DescribeLoadBalancerAttributesHandler DescribeLoadBalancerAttributes { get; }
    public ModifyLoadBalancerAttributesHandler ModifyLoadBalancerAttributes { get; }
    public CreateTargetGroupHandler CreateTargetGroup { get; }
    public DescribeTargetGroupsHandler DescribeTargetGroups { get; }
    public ModifyTargetGroupHandler ModifyTargetGroup { get; }
    public DeleteTargetGroupHandler DeleteTargetGroup { get; }
    public DescribeTargetGroupAttributesHandler DescribeTargetGroupAttributes { get; }
    public ModifyTargetGroupAttributesHandler ModifyTargetGroupAttributes { get; }
    public CreateListenerHandler CreateListener { get; }
    public DescribeListenersHandler DescribeListeners { get; }
    public ModifyListenerHandler ModifyListener { get; }
    public DeleteListenerHandler DeleteListener { get; }
    public CreateRuleHandler CreateRule { get; }
    public DescribeRulesHandler DescribeRules { get; }
    public ModifyRuleHandler ModifyRule { get; }
    public DeleteRuleHandler DeleteRule { get; }
    public SetRulePrioritiesHandler SetRulePriorities { get; }
    public RegisterTargetsHandler RegisterTargets { get; }
    public DeregisterTargetsHandler DeregisterTargets { get; }
    public DescribeTargetHealthHandler DescribeTargetHealth { get; }
    public AddTagsHandler AddTags { get; }
    public RemoveTagsHandler RemoveTags { get; }
    public DescribeTagsHandler DescribeTags { get; }
    public DescribeSubnetsHandler DescribeSubnets { get; }
    public DescribeVpcsHandler DescribeVpcs { get; }
    public DescribeSecurityGroupsHandler DescribeSecurityGroups { get; }

    public static async Task<AwsServiceException> FailsAsync(Func<Task> call) => await Assert.ThrowsAsync<AwsServiceException>(call);

    public async Task<Protocol.Generated.ElasticLoadBalancingV2.LoadBalancer> CreateLoadBalancerAsync(string name = "demo") =>
        (await CreateLoadBalancer.HandleAsync(new CreateLoadBalancerInput { Name = name }, Context, default)).LoadBalancers![0];

    public async Task<TargetGroup> CreateTargetGroupAsync(string name = "auth", int? interval = null) =>
        (await CreateTargetGroup.HandleAsync(
            new CreateTargetGroupInput { Name = name, Protocol = "HTTP", Port = 80, HealthCheckIntervalSeconds = interval }, Context, default))
        .TargetGroups![0];

    public static Action ForwardTo(string targetGroupArn) => new() { Type = "forward", TargetGroupArn = targetGroupArn };

    public async Task<Listener> CreateListenerAsync(string loadBalancerArn, string targetGroupArn, int port = 8080) =>
        (await CreateListener.HandleAsync(
            new CreateListenerInput { LoadBalancerArn = loadBalancerArn, Protocol = "HTTP", Port = port, DefaultActions = [ForwardTo(targetGroupArn)] },
            Context, default)).Listeners![0];

    public static RuleCondition Path(params string[] values) => new() { Field = "path-pattern", Values = [.. values] };

    public async Task<Rule> CreateRuleAsync(string listenerArn, int priority, string targetGroupArn, string path = "/random*") =>
        (await CreateRule.HandleAsync(
            new CreateRuleInput { ListenerArn = listenerArn, Priority = priority, Conditions = [Path(path)], Actions = [ForwardTo(targetGroupArn)] },
            Context, default)).Rules![0];

    /// <summary>Puts a container instance with an EC2-style id in the given zone.</summary>
    public async Task<string> AddInstanceAsync(string ec2Id = "i-0123456789abcdef0", string zone = "us-east-1a")
    {
        var record = new Core.Model.ContainerInstanceRecord
        {
            Arn = "arn:aws:ecs:us-east-1:000000000000:container-instance/default/" + ec2Id,
            Id = ec2Id,
            ClusterArn = "arn:aws:ecs:us-east-1:000000000000:cluster/default",
            Ec2InstanceId = ec2Id,
            Status = "ACTIVE",
            AgentConnected = true,
            RegisteredAt = Start,
            AgentVersion = "1.0.0",
            DockerVersion = "20.10.24",
            RegisteredCpu = 2048,
            RegisteredMemory = 4096,
            Attributes = [new Core.Model.AttributeRecord("ecs.availability-zone", zone)],
        };
        var write = State.Begin();
        write.Put(Core.Model.StateKinds.ContainerInstance, record.Arn, record.ClusterArn, record, 0);
        await write.CommitAsync(default);
        return ec2Id;
    }

    internal sealed class FakeProbe : IListenerPortProbe
    {
        public HashSet<int> Taken { get; } = [];

        public bool IsFree(int port) => !Taken.Contains(port);
    }
}
