using Wharf.Core.Model;
using Wharf.Protocol.Generated.ElasticLoadBalancingV2;
using Xunit;
using static Wharf.Server.Tests.ElasticLoadBalancing.ElbTestBed;

namespace Wharf.Server.Tests.ElasticLoadBalancing;

public sealed class RuleAndTargetTests
{
    private readonly ElbTestBed bed = new();

    private async Task<(string Lb, string Auth, string Random, string Listener)> WalkthroughAsync()
    {
        var lb = await bed.CreateLoadBalancerAsync();
        var auth = await bed.CreateTargetGroupAsync("auth");
        var random = await bed.CreateTargetGroupAsync("random");
        var listener = await bed.CreateListenerAsync(lb.LoadBalancerArn!, auth.TargetGroupArn!);
        return (lb.LoadBalancerArn!, auth.TargetGroupArn!, random.TargetGroupArn!, listener.ListenerArn!);
    }

    [Fact]
    public async Task DescribeRules_Listener_ByPriorityThenDefault()
    {
        var (_, auth, random, listener) = await WalkthroughAsync();
        await bed.CreateRuleAsync(listener, 20, auth, "/b*");
        await bed.CreateRuleAsync(listener, 10, random);

        var rules = (await bed.DescribeRules.HandleAsync(new() { ListenerArn = listener }, Context, default)).Rules!;

        Assert.Equal(["10", "20", "default"], rules.Select(r => r.Priority));
        Assert.Equal([false, false, true], rules.Select(r => r.IsDefault!.Value));
        Assert.Equal(["/random*"], rules[0].Conditions![0].PathPatternConfig!.Values);
        Assert.Equal(random, rules[0].Actions![0].ForwardConfig!.TargetGroups![0].TargetGroupArn);
    }

    [Fact]
    public async Task CreateRule_PriorityTaken_PriorityInUse()
    {
        var (_, auth, random, listener) = await WalkthroughAsync();
        await bed.CreateRuleAsync(listener, 10, random);
        var error = await FailsAsync(() => bed.CreateRuleAsync(listener, 10, auth, "/other"));
        Assert.Equal("PriorityInUse", error.QueryCode);
        Assert.Single(await bed.Elb.RulesAsync(listener, default));
    }

    [Theory]
    [InlineData("cookie", "x")]
    [InlineData("path-pattern", "")]
    [InlineData("source-ip", "not-a-cidr")]
    public async Task CreateRule_BadCondition_ValidationError(string field, string value)
    {
        var (_, _, random, listener) = await WalkthroughAsync();
        var condition = field == "source-ip"
            ? new RuleCondition { Field = field, SourceIpConfig = new SourceIpConditionConfig { Values = [value] } }
            : new RuleCondition { Field = field, Values = [value] };
        var error = await FailsAsync(() => bed.CreateRule.HandleAsync(
            new() { ListenerArn = listener, Priority = 1, Conditions = [condition], Actions = [ForwardTo(random)] }, Context, default).AsTask());
        Assert.Equal("ValidationError", error.QueryCode);
    }

    [Fact]
    public async Task CreateRule_WeightedForward_Described()
    {
        var (_, auth, random, listener) = await WalkthroughAsync();
        var rule = (await bed.CreateRule.HandleAsync(new()
        {
            ListenerArn = listener, Priority = 5, Conditions = [Path("/api/*")],
            Actions = [new Protocol.Generated.ElasticLoadBalancingV2.Action
            {
                Type = "forward",
                ForwardConfig = new ForwardActionConfig
                {
                    TargetGroups = [new TargetGroupTuple { TargetGroupArn = auth, Weight = 90 }, new TargetGroupTuple { TargetGroupArn = random, Weight = 10 }],
                },
            }],
        }, Context, default)).Rules![0];
        Assert.Null(rule.Actions![0].TargetGroupArn);
        Assert.Equal([90, 10], rule.Actions[0].ForwardConfig!.TargetGroups!.Select(t => t.Weight!.Value));
    }

    [Fact]
    public async Task CreateRule_StickinessDisabledWithDuration_DurationReadBackAsSent()
    {
        // Terraform's forward block sends the duration even with stickiness disabled and plans
        // drift unless it is read back as sent.
        var (_, auth, random, listener) = await WalkthroughAsync();
        var rule = (await bed.CreateRule.HandleAsync(new()
        {
            ListenerArn = listener, Priority = 5, Conditions = [Path("/api/*")],
            Actions = [new Protocol.Generated.ElasticLoadBalancingV2.Action
            {
                Type = "forward",
                ForwardConfig = new ForwardActionConfig
                {
                    TargetGroups = [new TargetGroupTuple { TargetGroupArn = auth, Weight = 100 }, new TargetGroupTuple { TargetGroupArn = random, Weight = 0 }],
                    TargetGroupStickinessConfig = new TargetGroupStickinessConfig { Enabled = false, DurationSeconds = 1 },
                },
            }],
        }, Context, default)).Rules![0];
        var plain = await bed.CreateRuleAsync(listener, 6, random, "/plain*");

        var described = (await bed.DescribeRules.HandleAsync(new() { RuleArns = [rule.RuleArn!, plain.RuleArn!] }, Context, default)).Rules!;
        var stickiness = described.Single(r => r.RuleArn == rule.RuleArn).Actions![0].ForwardConfig!.TargetGroupStickinessConfig!;
        Assert.False(stickiness.Enabled);
        Assert.Equal(1, stickiness.DurationSeconds);
        var plainStickiness = described.Single(r => r.RuleArn == plain.RuleArn).Actions![0].ForwardConfig!.TargetGroupStickinessConfig!;
        Assert.False(plainStickiness.Enabled);
        Assert.Null(plainStickiness.DurationSeconds);
    }

    [Fact]
    public async Task SetRulePriorities_Swap_AppliedTogether_ClashRefused()
    {
        var (_, auth, random, listener) = await WalkthroughAsync();
        var a = await bed.CreateRuleAsync(listener, 1, auth, "/a*");
        var b = await bed.CreateRuleAsync(listener, 2, random, "/b*");

        await bed.SetRulePriorities.HandleAsync(new()
        {
            RulePriorities = [new RulePriorityPair { RuleArn = a.RuleArn, Priority = 2 }, new RulePriorityPair { RuleArn = b.RuleArn, Priority = 1 }],
        }, Context, default);
        var error = await FailsAsync(() => bed.SetRulePriorities.HandleAsync(
            new() { RulePriorities = [new RulePriorityPair { RuleArn = a.RuleArn, Priority = 1 }] }, Context, default).AsTask());

        Assert.Equal("PriorityInUse", error.QueryCode);
        var rules = (await bed.DescribeRules.HandleAsync(new() { ListenerArn = listener }, Context, default)).Rules!;
        Assert.Equal([b.RuleArn, a.RuleArn, rules[2].RuleArn], rules.Select(r => r.RuleArn));
    }

    [Fact]
    public async Task DefaultRule_CannotBeDeleted_ButItsActionsCanBeModified()
    {
        var (_, _, random, listener) = await WalkthroughAsync();
        var defaultRule = (await bed.DescribeRules.HandleAsync(new() { ListenerArn = listener }, Context, default)).Rules!.Single();

        var error = await FailsAsync(() => bed.DeleteRule.HandleAsync(new() { RuleArn = defaultRule.RuleArn }, Context, default).AsTask());
        var modified = (await bed.ModifyRule.HandleAsync(new() { RuleArn = defaultRule.RuleArn, Actions = [ForwardTo(random)] }, Context, default)).Rules![0];

        Assert.Equal("OperationNotPermitted", error.QueryCode);
        Assert.Equal(random, modified.Actions![0].TargetGroupArn);
        var listenerNow = (await bed.DescribeListeners.HandleAsync(new() { ListenerArns = [listener] }, Context, default)).Listeners![0];
        Assert.Equal(random, listenerNow.DefaultActions![0].TargetGroupArn);
    }

    [Fact]
    public async Task DeleteRule_Unknown_RuleNotFound()
    {
        var (_, _, _, listener) = await WalkthroughAsync();
        var error = await FailsAsync(() => bed.DeleteRule.HandleAsync(
            new() { RuleArn = listener.Replace(":listener/", ":listener-rule/", StringComparison.Ordinal) + "/0000000000000000" }, Context, default).AsTask());
        Assert.Equal("RuleNotFound", error.QueryCode);
    }

    [Fact]
    public async Task RegisterTargets_InstanceWithHostPort_InitialThenHealthAsRecorded()
    {
        var (_, auth, _, _) = await WalkthroughAsync();
        var instance = await bed.AddInstanceAsync();

        await bed.RegisterTargets.HandleAsync(new() { TargetGroupArn = auth, Targets = [new TargetDescription { Id = instance, Port = 32768 }] }, Context, default);
        var health = (await bed.DescribeTargetHealth.HandleAsync(new() { TargetGroupArn = auth }, Context, default)).TargetHealthDescriptions!;

        var only = Assert.Single(health);
        Assert.Equal((instance, 32768, "us-east-1a"), (only.Target!.Id, only.Target.Port!.Value, only.Target.AvailabilityZone));
        Assert.Equal(("initial", "Elb.RegistrationInProgress"), (only.TargetHealth!.State, only.TargetHealth.Reason));
        Assert.Equal("32768", only.HealthCheckPort);
    }

    [Fact]
    public async Task RegisterTargets_UnknownInstance_InvalidTarget()
    {
        var (_, auth, _, _) = await WalkthroughAsync();
        var error = await FailsAsync(() => bed.RegisterTargets.HandleAsync(
            new() { TargetGroupArn = auth, Targets = [new TargetDescription { Id = "i-000000000000nope" }] }, Context, default).AsTask());
        Assert.Equal("InvalidTarget", error.QueryCode);
    }

    [Fact]
    public async Task DescribeTargetHealth_GroupNotUsed_Unused()
    {
        var (_, _, random, _) = await WalkthroughAsync();
        var instance = await bed.AddInstanceAsync();
        await bed.RegisterTargets.HandleAsync(new() { TargetGroupArn = random, Targets = [new TargetDescription { Id = instance }] }, Context, default);
        var health = (await bed.DescribeTargetHealth.HandleAsync(new() { TargetGroupArn = random }, Context, default)).TargetHealthDescriptions!;
        Assert.Equal(("unused", "Target.NotInUse"), (health[0].TargetHealth!.State, health[0].TargetHealth!.Reason));
    }

    [Fact]
    public async Task DeregisterTargets_GroupInUse_DrainsForDelay()
    {
        var (_, auth, _, _) = await WalkthroughAsync();
        var instance = await bed.AddInstanceAsync();
        await bed.ModifyTargetGroupAttributes.HandleAsync(new()
        {
            TargetGroupArn = auth, Attributes = [new TargetGroupAttribute { Key = "deregistration_delay.timeout_seconds", Value = "15" }],
        }, Context, default);
        await bed.RegisterTargets.HandleAsync(new() { TargetGroupArn = auth, Targets = [new TargetDescription { Id = instance, Port = 32768 }] }, Context, default);

        await bed.DeregisterTargets.HandleAsync(new() { TargetGroupArn = auth, Targets = [new TargetDescription { Id = instance, Port = 32768 }] }, Context, default);

        var target = (await bed.Elb.TargetsAsync(auth, default)).Single().Value;
        Assert.Equal((TargetStates.Draining, TargetStates.DeregistrationInProgress), (target.State, target.Reason));
        Assert.Equal(Start.AddSeconds(15), target.DrainUntil);
    }

    [Fact]
    public async Task DeregisterTargets_GroupUnused_RemovedAtOnce_NotRegistered_InvalidTarget()
    {
        var (_, _, random, _) = await WalkthroughAsync();
        var instance = await bed.AddInstanceAsync();
        await bed.RegisterTargets.HandleAsync(new() { TargetGroupArn = random, Targets = [new TargetDescription { Id = instance }] }, Context, default);

        await bed.DeregisterTargets.HandleAsync(new() { TargetGroupArn = random, Targets = [new TargetDescription { Id = instance }] }, Context, default);
        var error = await FailsAsync(() => bed.DeregisterTargets.HandleAsync(
            new() { TargetGroupArn = random, Targets = [new TargetDescription { Id = instance }] }, Context, default).AsTask());

        Assert.Empty(await bed.Elb.TargetsAsync(random, default));
        Assert.Equal("InvalidTarget", error.QueryCode);
    }

    [Fact]
    public async Task Ec2_UnknownIds_RefusedWithEc2Codes()
    {
        var subnet = await FailsAsync(() => bed.DescribeSubnets.HandleAsync(new() { SubnetIds = ["subnet-nope"] }, Context, default).AsTask());
        var vpc = await FailsAsync(() => bed.DescribeVpcs.HandleAsync(new() { VpcIds = ["vpc-nope"] }, Context, default).AsTask());
        var group = await FailsAsync(() => bed.DescribeSecurityGroups.HandleAsync(new() { GroupIds = ["sg-nope"] }, Context, default).AsTask());
        Assert.Equal(["InvalidSubnetID.NotFound", "InvalidVpcID.NotFound", "InvalidGroup.NotFound"], new[] { subnet.Code, vpc.Code, group.Code });
        var vpcs = (await bed.DescribeVpcs.HandleAsync(new() { Filters = [new Protocol.Generated.Ec2.Filter { Name = "isDefault", Values = ["true"] }] }, Context, default)).Vpcs!;
        Assert.Equal(bed.Network.VpcId, Assert.Single(vpcs).VpcId);
    }
}
