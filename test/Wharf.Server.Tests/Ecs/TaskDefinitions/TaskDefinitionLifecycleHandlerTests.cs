using Wharf.Protocol.Generated.Ecs;
using Xunit;
using Task = System.Threading.Tasks.Task;

namespace Wharf.Server.Tests.Ecs.TaskDefinitions;

/// <summary>DeregisterTaskDefinition and DeleteTaskDefinitions.</summary>
public sealed class TaskDefinitionLifecycleHandlerTests
{
    private readonly EcsTestBed bed = new();

    private async Task<TaskDefinition> DeregisterAsync(string reference) =>
        (await bed.DeregisterTaskDefinition.HandleAsync(new DeregisterTaskDefinitionRequest { TaskDefinition = reference }, EcsTestBed.Context, default))
            .TaskDefinition!;

    private Task<DeleteTaskDefinitionsResponse> DeleteAsync(params string[] references) =>
        bed.DeleteTaskDefinitions.HandleAsync(new DeleteTaskDefinitionsRequest { TaskDefinitions = [.. references] }, EcsTestBed.Context, default).AsTask();

    [Fact]
    public async Task Deregister_ActiveRevision_BecomesInactiveWithDeregisteredAt()
    {
        await bed.RegisterAsync();
        bed.Time.Advance(TimeSpan.FromMinutes(5));

        var definition = await DeregisterAsync("web:1");
        var described = await bed.DescribeTaskDefinition.HandleAsync(
            new DescribeTaskDefinitionRequest { TaskDefinition = "web:1" }, EcsTestBed.Context, default);

        Assert.Equal("INACTIVE", definition.Status);
        Assert.Equal(EcsTestBed.Start.AddMinutes(5), definition.DeregisteredAt);
        Assert.Equal("INACTIVE", described.TaskDefinition!.Status);
        Assert.Equal(EcsTestBed.Start.AddMinutes(5), described.TaskDefinition.DeregisteredAt);
    }

    [Fact]
    public async Task Deregister_FamilyWithoutRevision_IsClientException()
    {
        await bed.RegisterAsync();

        var error = await EcsTestBed.FailsAsync(() => DeregisterAsync("web"));

        Assert.Equal("ClientException", error.Code);
    }

    [Fact]
    public async Task Deregister_Unknown_IsClientException()
    {
        var error = await EcsTestBed.FailsAsync(() => DeregisterAsync("web:9"));

        Assert.Equal("ClientException", error.Code);
        Assert.Equal("The specified task definition does not exist.", error.Message);
    }

    [Fact]
    public async Task Delete_InactiveRevision_MovesToDeleteInProgress()
    {
        await bed.RegisterAsync();
        await DeregisterAsync("web:1");

        var response = await DeleteAsync("web:1");

        var deleted = Assert.Single(response.TaskDefinitions!);
        Assert.Equal("DELETE_IN_PROGRESS", deleted.Status);
        Assert.NotNull(deleted.DeleteRequestedAt);
        Assert.Empty(response.Failures!);
        Assert.Equal("DELETE_IN_PROGRESS", (await bed.Definitions.FindAsync("web:1", default))!.Value.Status);
    }

    [Fact]
    public async Task Delete_ActiveOrUnknownRevisions_AreFailuresAndOthersStillDeleted()
    {
        await bed.RegisterAsync();
        await bed.RegisterAsync();
        await DeregisterAsync("web:2");

        var response = await DeleteAsync("web:1", "web:2", "web:7");

        Assert.Equal(2, Assert.Single(response.TaskDefinitions!).Revision);
        Assert.Equal(2, response.Failures!.Count);
        Assert.Contains(response.Failures, f => f.Arn!.EndsWith("web:1", StringComparison.Ordinal) && f.Reason!.Contains("ACTIVE", StringComparison.Ordinal));
        Assert.Contains(response.Failures, f => f.Arn == "web:7");
        Assert.Equal("ACTIVE", (await bed.Definitions.FindAsync("web:1", default))!.Value.Status);
    }

    [Fact]
    public async Task Delete_ThenRegister_NeverReusesTheRevision()
    {
        await bed.RegisterAsync();
        await DeregisterAsync("web:1");
        await DeleteAsync("web:1");

        var next = await bed.RegisterAsync();

        Assert.Equal(2, next.Revision);
    }

    [Fact]
    public async Task Delete_ElevenDefinitions_IsInvalidParameter()
    {
        var error = await EcsTestBed.FailsAsync(() => DeleteAsync(Enumerable.Range(1, 11).Select(i => $"web:{i}").ToArray()));

        Assert.Equal("InvalidParameterException", error.Code);
    }

    [Fact]
    public async Task Delete_SameRevisionByNameAndArn_IsDeletedAndReportedOnce()
    {
        await bed.RegisterAsync();
        await DeregisterAsync("web:1");

        var response = await DeleteAsync("web:1", EcsTestBed.Prefix + "task-definition/web:1");

        Assert.Equal("DELETE_IN_PROGRESS", Assert.Single(response.TaskDefinitions!).Status);
        Assert.Empty(response.Failures!);
    }
}
