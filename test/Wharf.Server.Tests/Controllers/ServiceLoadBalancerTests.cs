using Wharf.Core.Model;
using Wharf.Protocol.Errors;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.Tests.Ecs.Services;
using Xunit;
using EcsLoadBalancer = Wharf.Protocol.Generated.Ecs.LoadBalancer;
using Task = System.Threading.Tasks.Task;

namespace Wharf.Server.Tests.Controllers;

public sealed class ServiceLoadBalancerTests
{
    private const string Group = "arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/web/0123456789abcdef";
    private const string Lonely = "arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/lonely/0123456789abcdef";
    private const string IpGroup = "arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/ip/0123456789abcdef";
    private readonly ServiceTestBed bed = new();

    private async Task SetUpAsync()
    {
        await bed.Tasks.ClusterAsync();
        await bed.Tasks.DefinitionAsync();
        await bed.Tasks.DefinitionAsync(revision: 2);
        await bed.Tasks.InstanceAsync(zone: "us-east-1a");
        foreach (var (arn, type) in new[] { (Group, "instance"), (Lonely, "instance"), (IpGroup, "ip") })
        {
            await bed.Tasks.PutAsync(LoadBalancingKinds.TargetGroup, arn, "", new TargetGroupRecord
            {
                Arn = arn,
                Name = arn.Split('/')[1],
                CreatedAt = Ecs.Tasks.TaskTestBed.Start,
                Protocol = "HTTP",
                Port = 80,
                VpcId = "vpc-1",
                TargetType = type,
                HealthCheck = new HealthCheckSettings(),
            });
        }

        const string listener = "arn:aws:elasticloadbalancing:us-east-1:000000000000:listener/app/lb/0123456789abcdef/0123456789abcdef";
        await bed.Tasks.PutAsync(LoadBalancingKinds.Listener, listener, "lb", new ListenerRecord
        {
            Arn = listener,
            LoadBalancerArn = "lb",
            Port = 8080,
            Protocol = "HTTP",
            DefaultRuleId = "r",
            DefaultActions =
            [
                new RuleActionRecord { Type = "forward", TargetGroups = [new WeightedTargetGroup(Group, 1), new WeightedTargetGroup(IpGroup, 1)] },
            ],
        });
    }

    private Task<Service> CreateAsync(string group = Group, string container = "web", int port = 80, int? grace = null) => bed.CreateAsync(new CreateServiceRequest
    {
        ServiceName = "web",
        TaskDefinition = "web:1",
        DesiredCount = 1,
        HealthCheckGracePeriodSeconds = grace,
        LoadBalancers = [new EcsLoadBalancer { TargetGroupArn = group, ContainerName = container, ContainerPort = port }],
    });

    [Theory]
    [InlineData("arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/nope/0123456789abcdef", "web", 80, "does not exist.")]
    [InlineData(Lonely, "web", 80, $"The target group with targetGroupArn {Lonely} does not have an associated load balancer.")]
    [InlineData(Group, "db", 80, "The container db does not exist in the task definition.")]
    [InlineData(Group, "web", 8080, "The container web did not have a container port 8080 defined.")]
    [InlineData(IpGroup, "web", 80, "has target type ip, which is incompatible with the bridge network mode specified in the task definition.")]
    public async Task CreateService_BadLoadBalancer_InvalidParameterAndNothingStored(string group, string container, int port, string message)
    {
        await SetUpAsync();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => CreateAsync(group, container, port));

        Assert.Equal("InvalidParameterException", error.Code);
        Assert.EndsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Empty(await bed.Tasks.State.ListAsync<ServiceRecord>(StateKinds.Service, null, CancellationToken.None));
    }

    [Fact]
    public async Task CreateService_LoadBalancer_StoredAndDescribed()
    {
        await SetUpAsync();
        await CreateAsync();

        var service = await bed.DescribeAsync();

        var lb = Assert.Single(service.LoadBalancers!);
        Assert.Equal((Group, "web", 80), (lb.TargetGroupArn, lb.ContainerName, lb.ContainerPort));
        Assert.Empty(service.ServiceRegistries!);
    }

    [Fact]
    public async Task UpdateService_RemovesLoadBalancers_NewDeployment()
    {
        await SetUpAsync();
        await CreateAsync();

        var updated = await bed.UpdateAsync(new UpdateServiceRequest { Service = "web", LoadBalancers = [] });

        Assert.Empty(updated.LoadBalancers!);
        Assert.Equal(2, updated.Deployments!.Count);
    }

    [Fact]
    public async Task Reconcile_TaskNotYetHealthyInTargetGroup_DeploymentNotCompleted()
    {
        await SetUpAsync();
        await CreateAsync();
        await bed.SettleAsync();
        await bed.AgentsCatchUpAsync();
        await bed.SettleAsync();

        Assert.Equal("IN_PROGRESS", (await bed.DescribeAsync()).Deployments![0].RolloutState);

        var task = Assert.Single(await bed.LiveTasksAsync());
        await bed.Tasks.UpdateTaskAsync(task.Arn, t => t with { Targets = [Target(TargetStates.Healthy)] });
        await bed.SettleAsync();

        Assert.Equal("COMPLETED", (await bed.DescribeAsync()).Deployments![0].RolloutState);
    }

    [Fact]
    public async Task Reconcile_TargetUnhealthyAfterGrace_StoppedWithElbReasonAndReplaced()
    {
        await SetUpAsync();
        await CreateAsync(grace: 30);
        await bed.SettleAsync();
        await bed.AgentsCatchUpAsync();
        var first = Assert.Single(await bed.LiveTasksAsync());
        await bed.Tasks.UpdateTaskAsync(first.Arn, t => t with { Targets = [Target(TargetStates.Unhealthy)] });

        await bed.SettleAsync();
        Assert.Equal("RUNNING", (await bed.Tasks.TasksAsync()).Single(t => t.Arn == first.Arn).DesiredStatus);

        bed.Tasks.Time.Advance(TimeSpan.FromSeconds(31));
        await bed.SettleAsync();

        var stopped = (await bed.Tasks.TasksAsync()).Single(t => t.Arn == first.Arn);
        Assert.Equal("STOPPED", stopped.DesiredStatus);
        Assert.Equal("ServiceSchedulerInitiated", stopped.StopCode);
        Assert.Equal($"Task failed ELB health checks in (target-group {Group})", stopped.StoppedReason);
        var events = (await bed.DescribeAsync()).Events!.Select(e => e.Message).ToList();
        Assert.Contains(
            $"(service web) (instance i-0123456789abcdef0) (port 32768) is unhealthy in (target-group {Group}) due to (reason Health checks failed with these codes: [503]).",
            events);
        Assert.Contains(await bed.LiveTasksAsync(), t => t.Arn != first.Arn);
    }

    private static TaskTargetRecord Target(string state) => new()
    {
        TargetGroupArn = Group,
        Id = "i-0123456789abcdef0",
        Port = 32768,
        State = state,
        Reason = state == TargetStates.Unhealthy ? TargetStates.ResponseCodeMismatch : null,
        Description = state == TargetStates.Unhealthy ? "Health checks failed with these codes: [503]" : null,
    };
}
