using Wharf.Core.Model;
using Wharf.Protocol.Errors;
using Wharf.Protocol.Generated.Ecs;
using Xunit;
using Task = System.Threading.Tasks.Task;

namespace Wharf.Server.Tests.Ecs.Tasks;

public sealed class ListTasksHandlerTests
{
    private readonly TaskTestBed bed = new();

    private ValueTask<ListTasksResponse> ListAsync(ListTasksRequest request) =>
        bed.ListTasks.HandleAsync(request, TaskTestBed.Context, CancellationToken.None);

    private async Task<List<string>> SetUpAsync()
    {
        await bed.ClusterAsync();
        await bed.DefinitionAsync();
        await bed.DefinitionAsync(family: "worker");
        await bed.InstanceAsync(cpu: 8192, memory: 16384);
        var web = await bed.RunAsync(new RunTaskRequest { TaskDefinition = "web", Count = 3, StartedBy = "job-1" });
        var worker = await bed.RunAsync(new RunTaskRequest { TaskDefinition = "worker", Count = 2 });
        var arns = web.Tasks!.Concat(worker.Tasks!).Select(t => t.TaskArn!).ToList();
        await bed.StopTask.HandleAsync(new StopTaskRequest { Task = arns[0] }, TaskTestBed.Context, CancellationToken.None);
        return arns;
    }

    [Fact]
    public async Task HandleAsync_Default_ListsTasksWantedRunning()
    {
        var arns = await SetUpAsync();

        var response = await ListAsync(new ListTasksRequest());

        Assert.Equal(arns.Skip(1).Order(StringComparer.Ordinal), response.TaskArns);
        Assert.Null(response.NextToken);
    }

    [Fact]
    public async Task HandleAsync_Stopped_ListsStoppedTasks()
    {
        var arns = await SetUpAsync();

        var response = await ListAsync(new ListTasksRequest { DesiredStatus = "STOPPED" });

        Assert.Equal([arns[0]], response.TaskArns);
    }

    [Fact]
    public async Task HandleAsync_Pending_ListsNothing()
    {
        await SetUpAsync();

        Assert.Empty((await ListAsync(new ListTasksRequest { DesiredStatus = "PENDING" })).TaskArns!);
    }

    [Fact]
    public async Task HandleAsync_FamilyAndStartedBy_Filter()
    {
        var arns = await SetUpAsync();

        Assert.Equal(2, (await ListAsync(new ListTasksRequest { Family = "worker" })).TaskArns!.Count);
        Assert.Equal(arns.Skip(1).Take(2).Order(StringComparer.Ordinal), (await ListAsync(new ListTasksRequest { StartedBy = "job-1" })).TaskArns);
    }

    [Fact]
    public async Task HandleAsync_ContainerInstance_Filter()
    {
        await SetUpAsync();
        var other = await bed.InstanceAsync();

        Assert.Empty((await ListAsync(new ListTasksRequest { ContainerInstance = other.Id })).TaskArns!);
    }

    [Fact]
    public async Task HandleAsync_StartedByWithAnotherFilter_InvalidParameter()
    {
        await SetUpAsync();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            ListAsync(new ListTasksRequest { StartedBy = "job-1", Family = "web" }).AsTask());

        Assert.Equal("InvalidParameterException", error.Code);
    }

    [Fact]
    public async Task HandleAsync_MaxResults_PagesThroughAll()
    {
        var arns = await SetUpAsync();

        var first = await ListAsync(new ListTasksRequest { MaxResults = 3 });
        var second = await ListAsync(new ListTasksRequest { MaxResults = 3, NextToken = first.NextToken });

        Assert.Equal(3, first.TaskArns!.Count);
        Assert.NotNull(first.NextToken);
        Assert.Single(second.TaskArns!);
        Assert.Null(second.NextToken);
        Assert.Equal(arns.Skip(1).Order(StringComparer.Ordinal), first.TaskArns.Concat(second.TaskArns!));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("web")]
    public async Task HandleAsync_SparseMatchesOverManyStoreChunks_EachMatchOnceInOrder(string? service)
    {
        // 1,200 tasks, one in five of service web and wanted RUNNING: pages cross the store's chunks of 500.
        await bed.ClusterAsync();
        var cluster = bed.Arns.ClusterArn("default");
        var serviceArn = bed.Arns.ServiceArn("default", "web");
        var serviceDocument = bed.Store.BeginTransaction();
        serviceDocument.Put(StateKinds.Service, serviceArn, cluster, "{}", 0); // ListTasks only checks that the service exists.
        await serviceDocument.CommitAsync(CancellationToken.None);
        var write = bed.State.Begin();
        var expected = new List<string>();
        for (var i = 0; i < 1200; i++)
        {
            var id = i.ToString("D32", System.Globalization.CultureInfo.InvariantCulture);
            var arn = bed.Arns.TaskArn("default", id);
            var mine = i % 5 == 0;
            var wanted = i % 10 == 0 ? "RUNNING" : mine ? "STOPPED" : "RUNNING";
            write.Put(StateKinds.Task, arn, cluster, new TaskRecord
            {
                Arn = arn, Id = id, ClusterArn = cluster, TaskDefinitionArn = "td", Family = "web", Revision = 1,
                LastStatus = "RUNNING", DesiredStatus = wanted, CreatedAt = TaskTestBed.Start, Containers = [],
                ServiceArn = mine ? serviceArn : null,
            }, 0);
            if (wanted == "RUNNING" && (service is null || mine))
            {
                expected.Add(arn);
            }
        }

        await write.CommitAsync(CancellationToken.None);

        var seen = new List<string>();
        string? token = null;
        do
        {
            var page = await ListAsync(new ListTasksRequest { ServiceName = service, MaxResults = 7, NextToken = token });
            seen.AddRange(page.TaskArns!);
            token = page.NextToken;
        }
        while (token is not null);

        Assert.Equal(expected.Order(StringComparer.Ordinal), seen);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public async Task HandleAsync_MaxResultsOutOfRange_InvalidParameter(int maxResults)
    {
        await SetUpAsync();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => ListAsync(new ListTasksRequest { MaxResults = maxResults }).AsTask());

        Assert.Equal("InvalidParameterException", error.Code);
    }

    [Fact]
    public async Task HandleAsync_ForeignToken_InvalidParameter()
    {
        await SetUpAsync();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => ListAsync(new ListTasksRequest { NextToken = "bm90LWEtdG9rZW4" }).AsTask());

        Assert.Equal("InvalidParameterException", error.Code);
    }

    [Fact]
    public async Task HandleAsync_BadDesiredStatus_InvalidParameter()
    {
        await SetUpAsync();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => ListAsync(new ListTasksRequest { DesiredStatus = "running" }).AsTask());

        Assert.Equal("InvalidParameterException", error.Code);
    }

    [Fact]
    public async Task HandleAsync_UnknownService_ServiceNotFound()
    {
        await SetUpAsync();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => ListAsync(new ListTasksRequest { ServiceName = "api" }).AsTask());

        Assert.Equal("ServiceNotFoundException", error.Code);
    }
}
