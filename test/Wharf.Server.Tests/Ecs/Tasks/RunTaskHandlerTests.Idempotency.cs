using Wharf.Protocol.Errors;
using Wharf.Protocol.Generated.Ecs;
using Xunit;
using Task = System.Threading.Tasks.Task;

namespace Wharf.Server.Tests.Ecs.Tasks;

public sealed partial class RunTaskHandlerTests
{
    [Fact]
    public async Task HandleAsync_SameClientTokenAndParameters_ReturnsSameTasksWithoutNewOnes()
    {
        await SetUpAsync();
        var request = new RunTaskRequest { TaskDefinition = "web", Count = 2, ClientToken = "token-1" };

        var first = await bed.RunAsync(request);
        var second = await bed.RunAsync(new RunTaskRequest { Cluster = "arn:aws:ecs:us-east-1:000000000000:cluster/default", TaskDefinition = "web", Count = 2, ClientToken = "token-1" });

        Assert.Equal(first.Tasks!.Select(t => t.TaskArn), second.Tasks!.Select(t => t.TaskArn));
        Assert.Equal(2, (await bed.TasksAsync()).Count);
    }

    [Fact]
    public async Task HandleAsync_SameClientTokenOtherParameters_ConflictException()
    {
        await SetUpAsync();
        await bed.RunAsync(new RunTaskRequest { TaskDefinition = "web", ClientToken = "token-1" });

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            bed.RunAsync(new RunTaskRequest { TaskDefinition = "web", Count = 2, ClientToken = "token-1" }));

        Assert.Equal("ConflictException", error.Code);
        Assert.Single(await bed.TasksAsync());
    }

    [Fact]
    public async Task HandleAsync_ClientTokenOlderThanADay_StartsNewTasks()
    {
        await SetUpAsync();
        var first = await bed.RunAsync(new RunTaskRequest { TaskDefinition = "web", ClientToken = "token-1" });
        bed.Time.Advance(TimeSpan.FromHours(25));

        var second = await bed.RunAsync(new RunTaskRequest { TaskDefinition = "web", Count = 2, ClientToken = "token-1" });

        Assert.Equal(2, second.Tasks!.Count);
        Assert.DoesNotContain(first.Tasks![0].TaskArn, second.Tasks.Select(t => t.TaskArn));
        Assert.Equal(3, (await bed.TasksAsync()).Count);
    }

    [Fact]
    public async Task HandleAsync_SameClientTokenInAnotherCluster_Independent()
    {
        await SetUpAsync();
        await bed.ClusterAsync("other");
        await bed.InstanceAsync(cluster: "other");
        await bed.RunAsync(new RunTaskRequest { TaskDefinition = "web", ClientToken = "token-1" });

        var response = await bed.RunAsync(new RunTaskRequest { Cluster = "other", TaskDefinition = "web", Count = 2, ClientToken = "token-1" });

        Assert.Equal(2, response.Tasks!.Count);
    }

    [Fact]
    public async Task HandleAsync_ClientTokenWithSpace_InvalidParameter()
    {
        await SetUpAsync();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            bed.RunAsync(new RunTaskRequest { TaskDefinition = "web", ClientToken = "has space" }));

        Assert.Equal("InvalidParameterException", error.Code);
    }
}
