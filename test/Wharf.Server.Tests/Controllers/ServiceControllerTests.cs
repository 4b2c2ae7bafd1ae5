using Wharf.Core.Model;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.Tests.Ecs.Services;
using Xunit;
using Task = System.Threading.Tasks.Task;

namespace Wharf.Server.Tests.Controllers;

public sealed class ServiceControllerTests
{
    private readonly ServiceTestBed bed = new();

    private async Task<(ContainerInstanceRecord A, ContainerInstanceRecord B)> SetUpAsync()
    {
        await bed.Tasks.ClusterAsync();
        await bed.Tasks.DefinitionAsync();
        await bed.Tasks.DefinitionAsync(revision: 2);
        var a = await bed.Tasks.InstanceAsync(zone: "us-east-1a");
        var b = await bed.Tasks.InstanceAsync(zone: "us-east-1b");
        return (a, b);
    }

    private System.Threading.Tasks.Task<Service> CreateAsync(int desired = 4, int minimum = 100, int maximum = 200) => bed.CreateAsync(new CreateServiceRequest
    {
        ServiceName = "web",
        TaskDefinition = "web:1",
        DesiredCount = desired,
        DeploymentConfiguration = new DeploymentConfiguration { MinimumHealthyPercent = minimum, MaximumPercent = maximum },
        PlacementStrategy =
        [
            new PlacementStrategy { Type = "spread", Field = "attribute:ecs.availability-zone" },
            new PlacementStrategy { Type = "binpack", Field = "memory" },
        ],
    });

    [Fact]
    public async System.Threading.Tasks.Task Reconcile_NewService_TwoTasksPerZoneThenSteadyState()
    {
        await SetUpAsync();
        await CreateAsync();

        await bed.SettleAsync();
        var tasks = await bed.LiveTasksAsync();
        Assert.Equal(4, tasks.Count);
        Assert.Equal(2, tasks.Count(t => t.AvailabilityZone == "us-east-1a"));
        Assert.All(tasks, t => Assert.Equal("service:web", t.Group));
        Assert.All(tasks, t => Assert.StartsWith("ecs-svc/", t.StartedBy, StringComparison.Ordinal));
        var pending = await bed.DescribeAsync();
        Assert.Equal(4, pending.PendingCount);
        Assert.StartsWith("(service web) has started 4 tasks: (task ", pending.Events![0].Message, StringComparison.Ordinal);

        await bed.AgentsCatchUpAsync();
        await bed.SettleAsync();

        var steady = await bed.DescribeAsync();
        Assert.Equal(4, steady.RunningCount);
        Assert.Equal("COMPLETED", Assert.Single(steady.Deployments!).RolloutState);
        Assert.Equal("(service web) has reached a steady state.", steady.Events![0].Message);
    }

    [Fact]
    public async System.Threading.Tasks.Task Reconcile_SteadyServiceSettled_WritesNothingMore()
    {
        await SetUpAsync();
        await CreateAsync();
        await bed.SettleAsync();
        await bed.AgentsCatchUpAsync();
        await bed.SettleAsync();
        var commits = bed.Tasks.Store.Commits;

        await bed.SettleAsync();

        Assert.Equal(commits, bed.Tasks.Store.Commits);
    }

    [Fact]
    public async System.Threading.Tasks.Task Reconcile_EssentialContainerExited_ReplacedAndCountedAsFailed()
    {
        await SetUpAsync();
        await CreateAsync();
        await bed.SettleAsync();
        await bed.AgentsCatchUpAsync();
        await bed.SettleAsync();
        var victim = (await bed.LiveTasksAsync())[0];

        await bed.Tasks.UpdateTaskAsync(victim.Arn, t => t with
        {
            LastStatus = "STOPPED",
            DesiredStatus = "STOPPED",
            StopCode = "EssentialContainerExited",
            StoppedReason = "Essential container in task exited",
        });
        await bed.SettleAsync();

        var live = await bed.LiveTasksAsync();
        Assert.Equal(4, live.Count);
        Assert.DoesNotContain(live, t => t.Arn == victim.Arn);
        var service = await bed.DescribeAsync();
        Assert.Equal(1, service.Deployments![0].FailedTasks);
        Assert.StartsWith("(service web) has started 1 tasks", service.Events![0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async System.Threading.Tasks.Task Reconcile_RollingUpdate_StaysWithinBoundsAndCompletes()
    {
        await SetUpAsync();
        await CreateAsync(minimum: 50, maximum: 100);
        await bed.SettleAsync();
        await bed.AgentsCatchUpAsync();
        await bed.SettleAsync();

        await bed.UpdateAsync(new UpdateServiceRequest { Service = "web", TaskDefinition = "web:2" });
        for (var step = 0; step < 10; step++)
        {
            await bed.SettleAsync();
            var all = (await bed.Tasks.TasksAsync()).Where(t => t.LastStatus != "STOPPED").ToList();
            Assert.True(all.Count <= 4, $"step {step}: {all.Count} tasks exceed maximumPercent");
            Assert.True(all.Count(t => t.LastStatus == "RUNNING" && t.DesiredStatus == "RUNNING") >= 2, $"step {step}: below minimumHealthyPercent");
            await bed.AgentsCatchUpAsync();
        }

        await bed.SettleAsync();
        var service = await bed.DescribeAsync();
        var deployment = Assert.Single(service.Deployments!);
        Assert.EndsWith("web:2", deployment.TaskDefinition, StringComparison.Ordinal);
        Assert.Equal("COMPLETED", deployment.RolloutState);
        Assert.All(await bed.LiveTasksAsync(), t => Assert.Equal(2, t.Revision));
        Assert.Equal(4, service.RunningCount);
    }

    [Fact]
    public async System.Threading.Tasks.Task Reconcile_InstanceLost_TasksReplacedOnTheOtherInstance()
    {
        var (a, b) = await SetUpAsync();
        await CreateAsync();
        await bed.SettleAsync();
        await bed.AgentsCatchUpAsync();
        await bed.SettleAsync();

        bed.Tasks.Agents.Detach(bed.Tasks.Agents.Find(a.Arn)!);
        await bed.SettleAsync();
        Assert.Equal(2, (await bed.LiveTasksAsync()).Count(t => t.ContainerInstanceArn == a.Arn));
        bed.Tasks.Time.Advance(bed.Options.LostTimeout + TimeSpan.FromSeconds(1));
        await bed.SettleAsync();

        var live = await bed.LiveTasksAsync();
        Assert.Equal(4, live.Count);
        Assert.All(live, t => Assert.Equal(b.Arn, t.ContainerInstanceArn));
        var stale = (await bed.Tasks.TasksAsync()).Where(t => t.ContainerInstanceArn == a.Arn).ToList();
        Assert.All(stale, t => Assert.Equal("ServiceSchedulerInitiated", t.StopCode));
    }

    [Fact]
    public async System.Threading.Tasks.Task Reconcile_DrainingInstance_TasksMoveWithinBounds()
    {
        var (a, b) = await SetUpAsync();
        await CreateAsync(minimum: 50, maximum: 100);
        await bed.SettleAsync();
        await bed.AgentsCatchUpAsync();
        await bed.SettleAsync();

        await bed.Tasks.PutAsync(StateKinds.ContainerInstance, a.Arn, a.ClusterArn, a with { Status = "DRAINING" });
        for (var step = 0; step < 6; step++)
        {
            await bed.SettleAsync();
            Assert.True((await bed.Tasks.TasksAsync()).Count(t => t.LastStatus != "STOPPED") <= 4);
            await bed.AgentsCatchUpAsync();
        }

        var live = await bed.LiveTasksAsync();
        Assert.Equal(4, live.Count);
        Assert.All(live, t => Assert.Equal(b.Arn, t.ContainerInstanceArn));
    }

    [Fact]
    public async System.Threading.Tasks.Task Reconcile_Daemon_OneTaskPerInstance()
    {
        await SetUpAsync();
        await bed.CreateAsync(new CreateServiceRequest { ServiceName = "web", TaskDefinition = "web:1", SchedulingStrategy = "DAEMON" });

        await bed.SettleAsync();

        var live = await bed.LiveTasksAsync();
        Assert.Equal(2, live.Count);
        Assert.Equal(2, live.Select(t => t.ContainerInstanceArn).Distinct().Count());
        Assert.Equal(2, (await bed.DescribeAsync()).DesiredCount);
    }
}
