using Wharf.Core.Model;
using Wharf.Protocol.Errors;
using Wharf.Protocol.Generated.Ecs;
using Xunit;
using Task = System.Threading.Tasks.Task;

namespace Wharf.Server.Tests.Ecs.Tasks;

public sealed class StopTaskHandlerTests
{
    private readonly TaskTestBed bed = new();

    private async Task<string> RunOneAsync()
    {
        await bed.ClusterAsync();
        await bed.DefinitionAsync();
        await bed.InstanceAsync();
        return (await bed.RunAsync(new RunTaskRequest { TaskDefinition = "web" })).Tasks![0].TaskArn!;
    }

    private ValueTask<StopTaskResponse> StopAsync(string task, string? reason = null) =>
        bed.StopTask.HandleAsync(new StopTaskRequest { Task = task, Reason = reason }, TaskTestBed.Context, CancellationToken.None);

    [Fact]
    public async Task HandleAsync_RunningTask_WantedStoppedWithUserInitiatedAndDefaultReason()
    {
        var arn = await RunOneAsync();
        bed.Time.Advance(TimeSpan.FromMinutes(1));

        var response = await StopAsync(arn);

        Assert.Equal("STOPPED", response.Task!.DesiredStatus);
        Assert.Equal("PROVISIONING", response.Task.LastStatus);
        Assert.Equal("UserInitiated", response.Task.StopCode);
        Assert.Equal("Task stopped by user", response.Task.StoppedReason);
        Assert.Equal(TaskTestBed.Start.AddMinutes(1), response.Task.StoppingAt);
        Assert.Equal(2, response.Task.Version);
        var stored = await bed.GetAsync<TaskRecord>(StateKinds.Task, arn);
        Assert.Equal("STOPPED", stored.Value.DesiredStatus);
    }

    [Fact]
    public async Task HandleAsync_ById_UsesGivenReason()
    {
        var arn = await RunOneAsync();

        var response = await StopAsync(arn[(arn.LastIndexOf('/') + 1)..], "deploying v2");

        Assert.Equal("deploying v2", response.Task!.StoppedReason);
    }

    [Fact]
    public async Task HandleAsync_AlreadyStopped_ReturnedUnchanged()
    {
        var arn = await RunOneAsync();
        await StopAsync(arn, "first");
        bed.Time.Advance(TimeSpan.FromMinutes(5));

        var response = await StopAsync(arn, "second");

        Assert.Equal("first", response.Task!.StoppedReason);
        Assert.Equal(2, response.Task.Version);
        Assert.Equal(TaskTestBed.Start, response.Task.StoppingAt);
    }

    [Fact]
    public async Task HandleAsync_UnknownTask_InvalidParameterAsEcsWordsIt()
    {
        await RunOneAsync();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => StopAsync(new string('c', 32)).AsTask());

        Assert.Equal("InvalidParameterException", error.Code);
        Assert.Equal("The referenced task was not found.", error.Message);
    }

    [Fact]
    public async Task HandleAsync_ReasonLongerThan255_InvalidParameterAndUnchanged()
    {
        var arn = await RunOneAsync();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => StopAsync(arn, new string('r', 256)).AsTask());

        Assert.Equal("InvalidParameterException", error.Code);
        Assert.Equal("RUNNING", (await bed.GetAsync<TaskRecord>(StateKinds.Task, arn)).Value.DesiredStatus);
    }

    [Fact]
    public async Task HandleAsync_MalformedTaskId_InvalidParameter()
    {
        await RunOneAsync();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => StopAsync("not-a-task").AsTask());

        Assert.Equal("InvalidParameterException", error.Code);
    }
}
