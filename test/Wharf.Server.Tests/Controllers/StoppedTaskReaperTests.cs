using Microsoft.Extensions.Logging.Abstractions;
using Wharf.Core.Model;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.Controllers;
using Wharf.Server.Tests.Ecs.Tasks;
using Xunit;
using Task = System.Threading.Tasks.Task;

namespace Wharf.Server.Tests.Controllers;

public sealed class StoppedTaskReaperTests : IDisposable
{
    private readonly TaskTestBed bed = new();
    private readonly StoppedTaskReaper reaper;

    public StoppedTaskReaperTests()
    {
        var options = new WharfServerOptions { DataDirectory = "/unused", StoppedTaskRetention = TimeSpan.FromHours(1) };
        reaper = new StoppedTaskReaper(bed.State, options, bed.Time, NullLogger<StoppedTaskReaper>.Instance);
    }

    public void Dispose() => reaper.Dispose();

    [Fact]
    public async Task SweepAsync_StoppedLongerThanRetention_ForgetsTaskAndItsTagsOnly()
    {
        await bed.ClusterAsync();
        await bed.DefinitionAsync();
        await bed.InstanceAsync();
        var response = await bed.RunAsync(new RunTaskRequest
        {
            TaskDefinition = "web", Count = 3, Tags = [new Tag { Key = "team", Value = "a" }],
        });
        var arns = response.Tasks!.Select(t => t.TaskArn!).ToList();
        await StopAsync(arns[0]);
        bed.Time.Advance(TimeSpan.FromMinutes(30));
        await StopAsync(arns[1]);
        bed.Time.Advance(TimeSpan.FromMinutes(31));

        var forgotten = await reaper.SweepAsync(CancellationToken.None);

        Assert.Equal(1, forgotten);
        var left = (await bed.TasksAsync()).Select(t => t.Arn).ToList();
        Assert.Equal(arns.Skip(1).Order(StringComparer.Ordinal), left.Order(StringComparer.Ordinal));
        Assert.Null(await bed.State.GetAsync<TagSet>(StateKinds.Tags, arns[0], CancellationToken.None));
        Assert.NotNull(await bed.State.GetAsync<TagSet>(StateKinds.Tags, arns[1], CancellationToken.None));
    }

    [Fact]
    public async Task SweepAsync_StopWantedButNotYetStopped_Kept()
    {
        await bed.ClusterAsync();
        await bed.DefinitionAsync();
        await bed.InstanceAsync();
        var arn = (await bed.RunAsync(new RunTaskRequest { TaskDefinition = "web" })).Tasks![0].TaskArn!;
        await bed.UpdateTaskAsync(arn, t => t with { DesiredStatus = "STOPPED", StoppedAt = bed.Time.GetUtcNow() });
        bed.Time.Advance(TimeSpan.FromHours(5));

        Assert.Equal(0, await reaper.SweepAsync(CancellationToken.None));
        Assert.Single(await bed.TasksAsync());
    }

    [Fact]
    public async Task SweepAsync_ClientTokenOlderThanItsLifetime_Forgotten()
    {
        await bed.ClusterAsync();
        await bed.DefinitionAsync();
        await bed.InstanceAsync();
        await bed.RunAsync(new RunTaskRequest { TaskDefinition = "web", ClientToken = "old" });
        bed.Time.Advance(TimeSpan.FromHours(23));
        await bed.RunAsync(new RunTaskRequest { TaskDefinition = "web", ClientToken = "new" });
        bed.Time.Advance(TimeSpan.FromHours(1.5));

        await reaper.SweepAsync(CancellationToken.None);

        var tokens = await bed.State.ListAsync<IdempotencyRecord>(StateKinds.Idempotency, null, CancellationToken.None);
        Assert.Equal(["new"], tokens.Select(t => t.Value.ClientToken));
    }

    private Task StopAsync(string arn) =>
        bed.UpdateTaskAsync(arn, t => t with
        {
            DesiredStatus = "STOPPED", LastStatus = "STOPPED", StoppedAt = bed.Time.GetUtcNow(), StopCode = "UserInitiated",
        });
}
