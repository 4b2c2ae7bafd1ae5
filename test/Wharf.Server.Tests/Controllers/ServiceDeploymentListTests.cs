using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.Tests.Ecs.Services;
using Xunit;
using Task = System.Threading.Tasks.Task;

namespace Wharf.Server.Tests.Controllers;

/// <summary>Which deployments a service lists while a rolling update replaces its tasks.</summary>
public sealed class ServiceDeploymentListTests
{
    private readonly ServiceTestBed bed = new();

    [Fact]
    public async Task Reconcile_OldTaskStillDraining_OldDeploymentListedActiveUntilItStops()
    {
        await bed.Tasks.ClusterAsync();
        await bed.Tasks.DefinitionAsync();
        await bed.Tasks.DefinitionAsync(revision: 2);
        await bed.Tasks.InstanceAsync();
        await bed.CreateAsync(new CreateServiceRequest { ServiceName = "web", TaskDefinition = "web:1", DesiredCount = 1 });
        await bed.SettleAsync();
        await bed.AgentsCatchUpAsync();
        await bed.SettleAsync();
        var old = Assert.Single(await bed.LiveTasksAsync());

        await bed.UpdateAsync(new UpdateServiceRequest { Service = "web", TaskDefinition = "web:2" });
        await bed.SettleAsync();
        await bed.AgentsCatchUpAsync();
        await bed.SettleAsync();

        // The new task runs and the old one is told to stop; its agent reports it draining, not yet stopped.
        var stopping = await bed.Tasks.GetAsync<Wharf.Core.Model.TaskRecord>(Wharf.Core.Model.StateKinds.Task, old.Arn);
        Assert.Equal("STOPPED", stopping.Value.DesiredStatus);
        await bed.Tasks.UpdateTaskAsync(old.Arn, t => t with { LastStatus = "DEACTIVATING" });
        await bed.SettleAsync();

        var draining = await bed.DescribeAsync();
        Assert.Equal(["PRIMARY", "ACTIVE"], draining.Deployments!.Select(d => d.Status));
        Assert.Equal((0, 0), (draining.Deployments![1].RunningCount, draining.Deployments[1].PendingCount));
        Assert.Equal("IN_PROGRESS", draining.Deployments[0].RolloutState);

        await bed.Tasks.UpdateTaskAsync(old.Arn, t => t with { LastStatus = "STOPPED", StoppedAt = bed.Tasks.Time.GetUtcNow() });
        await bed.SettleAsync();

        var done = await bed.DescribeAsync();
        var primary = Assert.Single(done.Deployments!);
        Assert.Equal(("PRIMARY", "COMPLETED"), (primary.Status, primary.RolloutState));
    }
}
