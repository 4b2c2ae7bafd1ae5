using Wharf.Protocol.Generated.Ecs;
using Xunit;
using Task = System.Threading.Tasks.Task;

namespace Wharf.Server.Tests.Ecs.TaskDefinitions;

/// <summary>DescribeTaskDefinition, ListTaskDefinitions and ListTaskDefinitionFamilies.</summary>
public sealed class TaskDefinitionQueryHandlerTests
{
    private readonly EcsTestBed bed = new();

    private Task<DeregisterTaskDefinitionResponse> DeregisterAsync(string reference) =>
        bed.DeregisterTaskDefinition.HandleAsync(new DeregisterTaskDefinitionRequest { TaskDefinition = reference }, EcsTestBed.Context, default).AsTask();

    private async Task<List<string>> ListAsync(ListTaskDefinitionsRequest request) =>
        (await bed.ListTaskDefinitions.HandleAsync(request, EcsTestBed.Context, default)).TaskDefinitionArns!;

    private async Task<List<string>> FamiliesAsync(string? prefix = null, string? status = null) =>
        (await bed.ListTaskDefinitionFamilies.HandleAsync(
            new ListTaskDefinitionFamiliesRequest { FamilyPrefix = prefix, Status = status }, EcsTestBed.Context, default)).Families!;

    [Fact]
    public async Task Describe_UnknownDefinition_IsClientExceptionUnableToDescribe()
    {
        var error = await EcsTestBed.FailsAsync(async () =>
            await bed.DescribeTaskDefinition.HandleAsync(new DescribeTaskDefinitionRequest { TaskDefinition = "nothing" }, EcsTestBed.Context, default));

        Assert.Equal("ClientException", error.Code);
        Assert.Equal("Unable to describe task definition.", error.Message);
    }

    [Fact]
    public async Task Describe_FamilyWhoseRevisionsAreAllInactive_IsNotFound()
    {
        await bed.RegisterAsync();
        await DeregisterAsync("web:1");

        var error = await EcsTestBed.FailsAsync(async () =>
            await bed.DescribeTaskDefinition.HandleAsync(new DescribeTaskDefinitionRequest { TaskDefinition = "web" }, EcsTestBed.Context, default));

        Assert.Equal("ClientException", error.Code);
    }

    [Fact]
    public async Task Describe_WithoutIncludeTags_OmitsTags()
    {
        await bed.RegisterAsync();

        var response = await bed.DescribeTaskDefinition.HandleAsync(
            new DescribeTaskDefinitionRequest { TaskDefinition = EcsTestBed.Prefix + "task-definition/web:1" }, EcsTestBed.Context, default);

        Assert.Null(response.Tags);
        Assert.Equal("web", response.TaskDefinition!.Family);
    }

    [Fact]
    public async Task List_DefaultActiveAscending_ByFamilyThenRevision()
    {
        await bed.RegisterAsync(EcsTestBed.WebDefinition("web"));
        await bed.RegisterAsync(EcsTestBed.WebDefinition("api"));
        await bed.RegisterAsync(EcsTestBed.WebDefinition("web"));
        await bed.RegisterAsync(EcsTestBed.WebDefinition("web-2"));
        await DeregisterAsync("api:1");

        var arns = await ListAsync(new ListTaskDefinitionsRequest());

        Assert.Equal(["web:1", "web:2", "web-2:1"], arns.Select(a => a[(a.LastIndexOf('/') + 1)..]));
    }

    [Fact]
    public async Task List_FamilyPrefixInactiveAndDescending_FiltersAndReverses()
    {
        for (var i = 0; i < 3; i++)
        {
            await bed.RegisterAsync();
        }

        await bed.RegisterAsync(EcsTestBed.WebDefinition("web-2"));
        await DeregisterAsync("web:1");

        var active = await ListAsync(new ListTaskDefinitionsRequest { FamilyPrefix = "web", Sort = "DESC" });
        var inactive = await ListAsync(new ListTaskDefinitionsRequest { FamilyPrefix = "web", Status = "INACTIVE" });

        Assert.Equal([EcsTestBed.Prefix + "task-definition/web:3", EcsTestBed.Prefix + "task-definition/web:2"], active);
        Assert.Equal([EcsTestBed.Prefix + "task-definition/web:1"], inactive);
    }

    [Fact]
    public async Task List_PagedDescending_WalksEveryRevisionOnce()
    {
        for (var i = 0; i < 5; i++)
        {
            await bed.RegisterAsync();
        }

        var seen = new List<string>();
        string? token = null;
        do
        {
            var page = await bed.ListTaskDefinitions.HandleAsync(
                new ListTaskDefinitionsRequest { Sort = "DESC", MaxResults = 2, NextToken = token }, EcsTestBed.Context, default);
            seen.AddRange(page.TaskDefinitionArns!);
            token = page.NextToken;
        }
        while (token is not null);

        Assert.Equal(["5", "4", "3", "2", "1"], seen.Select(a => a[(a.LastIndexOf(':') + 1)..]));
    }

    [Fact]
    public async Task List_UnknownSort_IsInvalidParameter()
    {
        var error = await EcsTestBed.FailsAsync(() => ListAsync(new ListTaskDefinitionsRequest { Sort = "RANDOM" }));

        Assert.Equal("InvalidParameterException", error.Code);
    }

    [Fact]
    public async Task Families_ByStatusAndPrefix_FollowRevisionStatuses()
    {
        await bed.RegisterAsync(EcsTestBed.WebDefinition("web"));
        await bed.RegisterAsync(EcsTestBed.WebDefinition("worker"));
        await bed.RegisterAsync(EcsTestBed.WebDefinition("api"));
        await DeregisterAsync("worker:1");

        Assert.Equal(["api", "web", "worker"], await FamiliesAsync());
        Assert.Equal(["api", "web"], await FamiliesAsync(status: "ACTIVE"));
        Assert.Equal(["worker"], await FamiliesAsync(status: "INACTIVE"));
        Assert.Equal(["web", "worker"], await FamiliesAsync(prefix: "w"));
    }
}
