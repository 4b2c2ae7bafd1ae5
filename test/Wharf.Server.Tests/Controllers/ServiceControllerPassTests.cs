using Wharf.Core.Model;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.Tests.Ecs.Services;
using Xunit;
using Task = System.Threading.Tasks.Task;

namespace Wharf.Server.Tests.Controllers;

/// <summary>A whole pass reads the cluster once and keeps that view current with its own commits.</summary>
public sealed class ServiceControllerPassTests
{
    private readonly ServiceTestBed bed = new();

    private Task<Service> CreateAsync(string name, int desired) => bed.CreateAsync(new CreateServiceRequest
    {
        ServiceName = name,
        TaskDefinition = "web:1",
        DesiredCount = desired,
    });

    private async Task<ContainerInstanceRecord> SetUpAsync()
    {
        await bed.Tasks.ClusterAsync();
        await bed.Tasks.DefinitionAsync();

        // 4096 MiB: room for eight 512 MiB tasks.
        return await bed.Tasks.InstanceAsync(memory: 4096);
    }

    [Fact]
    public async Task ReconcileAll_TwoServicesOnOneInstance_SecondSeesTheFirstsTasksWithoutConflict()
    {
        var instance = await SetUpAsync();
        await CreateAsync("a", 5);
        await CreateAsync("b", 5);

        await bed.Controller.ReconcileAllAsync(CancellationToken.None);

        var live = await bed.LiveTasksAsync();
        Assert.Equal(8, live.Count);
        Assert.Equal(5, live.Count(t => t.Group == "service:a"));
        Assert.Equal(3, live.Count(t => t.Group == "service:b"));
        Assert.Equal(0, bed.Tasks.Store.Conflicts);
        var stored = await bed.Tasks.GetAsync<ContainerInstanceRecord>(StateKinds.ContainerInstance, instance.Arn);
        Assert.Equal(2, stored.Value.PlacementGeneration);
    }

    [Fact]
    public async Task ReconcileAll_RivalPlacementDuringThePass_ConflictRereadsAndDoesNotOvercommit()
    {
        var instance = await SetUpAsync();
        await CreateAsync("a", 2);
        await CreateAsync("b", 5);
        var rivalDone = false;
        var commits = 0;
        bed.Tasks.Store.BeforeCommit = () =>
        {
            // After service a's commit, before service b's: RunTask takes four slots the pass's view does not know of.
            if (++commits == 2 && !rivalDone)
            {
                rivalDone = true;
                bed.Tasks.RunAsync(new RunTaskRequest { TaskDefinition = "web:1", Count = 4 }).GetAwaiter().GetResult();
            }
        };

        await bed.Controller.ReconcileAllAsync(CancellationToken.None);

        Assert.True(rivalDone);
        Assert.True(bed.Tasks.Store.Conflicts >= 1);
        var live = await bed.LiveTasksAsync();
        Assert.Equal(4, live.Count(t => t.Group == "family:web"));
        Assert.Equal(2, live.Count(t => t.Group == "service:a"));
        Assert.Equal(2, live.Count(t => t.Group == "service:b"));
        Assert.True(live.Sum(t => t.ReservedMemory) <= instance.RegisteredMemory);
    }
}
