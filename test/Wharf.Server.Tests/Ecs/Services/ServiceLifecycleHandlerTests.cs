using Wharf.Protocol.Errors;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.Tests.Ecs.Tasks;
using Xunit;
using Task = System.Threading.Tasks.Task;

namespace Wharf.Server.Tests.Ecs.Services;

public sealed class ServiceLifecycleHandlerTests
{
    private readonly ServiceTestBed bed = new();

    private async System.Threading.Tasks.Task SetUpAsync(params string[] names)
    {
        await bed.Tasks.ClusterAsync();
        await bed.Tasks.DefinitionAsync();
        await bed.Tasks.DefinitionAsync(revision: 2);
        foreach (var name in names)
        {
            await bed.CreateAsync(new CreateServiceRequest
            {
                ServiceName = name,
                TaskDefinition = "web:1",
                DesiredCount = 2,
                Tags = [new Tag { Key = "team", Value = "a" }],
            });
        }
    }

    [Fact]
    public async System.Threading.Tasks.Task DescribeServices_UnknownAndKnown_MissingFailureAndTagsOnRequest()
    {
        await SetUpAsync("web");

        var response = await bed.Describe.HandleAsync(
            new DescribeServicesRequest { Services = ["web", "nope"], Include = ["TAGS"] }, TaskTestBed.Context, CancellationToken.None);

        var service = Assert.Single(response.Services!);
        Assert.Equal("team", Assert.Single(service.Tags!).Key);
        var failure = Assert.Single(response.Failures!);
        Assert.Equal("MISSING", failure.Reason);
        Assert.EndsWith("service/default/nope", failure.Arn, StringComparison.Ordinal);
    }

    [Fact]
    public async System.Threading.Tasks.Task ListServices_MaxResults_PagesInNameOrder()
    {
        await SetUpAsync("c", "a", "b");

        var first = await bed.List.HandleAsync(new ListServicesRequest { MaxResults = 2 }, TaskTestBed.Context, CancellationToken.None);
        var second = await bed.List.HandleAsync(
            new ListServicesRequest { MaxResults = 2, NextToken = first.NextToken }, TaskTestBed.Context, CancellationToken.None);

        Assert.Equal(["a", "b"], first.ServiceArns!.Select(a => a[(a.LastIndexOf('/') + 1)..]));
        Assert.Equal("c", Assert.Single(second.ServiceArns!)[^1..]);
        Assert.Null(second.NextToken);
    }

    [Fact]
    public async System.Threading.Tasks.Task ListServices_DaemonFilter_ExcludesReplicaServices()
    {
        await SetUpAsync("web");

        var response = await bed.List.HandleAsync(new ListServicesRequest { SchedulingStrategy = "DAEMON" }, TaskTestBed.Context, CancellationToken.None);

        Assert.Empty(response.ServiceArns!);
    }

    [Fact]
    public async System.Threading.Tasks.Task UpdateService_NewDefinition_NewPrimaryAndOldActive()
    {
        await SetUpAsync("web");

        var service = await bed.UpdateAsync(new UpdateServiceRequest { Service = "web", TaskDefinition = "web:2" });

        Assert.Equal(2, service.Deployments!.Count);
        Assert.Equal("PRIMARY", service.Deployments[0].Status);
        Assert.EndsWith("web:2", service.Deployments[0].TaskDefinition, StringComparison.Ordinal);
        Assert.Equal("ACTIVE", service.Deployments[1].Status);
        Assert.EndsWith("web:2", service.TaskDefinition, StringComparison.Ordinal);
    }

    [Fact]
    public async System.Threading.Tasks.Task UpdateService_DesiredCountOnly_SameDeployment()
    {
        await SetUpAsync("web");

        var service = await bed.UpdateAsync(new UpdateServiceRequest { Service = "web", DesiredCount = 5 });

        Assert.Equal(5, Assert.Single(service.Deployments!).DesiredCount);
        Assert.Equal(5, service.DesiredCount);
    }

    [Fact]
    public async System.Threading.Tasks.Task UpdateService_ForceNewDeployment_NewPrimarySameDefinition()
    {
        await SetUpAsync("web");

        var service = await bed.UpdateAsync(new UpdateServiceRequest { Service = "web", ForceNewDeployment = true });

        Assert.Equal(2, service.Deployments!.Count);
        Assert.Equal(service.Deployments[0].TaskDefinition, service.Deployments[1].TaskDefinition);
    }

    [Fact]
    public async System.Threading.Tasks.Task DeleteService_ScaledAboveZeroWithoutForce_Refused()
    {
        await SetUpAsync("web");

        var error = await Assert.ThrowsAsync<AwsServiceException>(async () =>
            await bed.Delete.HandleAsync(new DeleteServiceRequest { Service = "web" }, TaskTestBed.Context, CancellationToken.None));

        Assert.Equal("InvalidParameterException", error.Code);
        Assert.Equal("The service cannot be stopped while it is scaled above 0.", error.Message);
        Assert.Equal("ACTIVE", (await bed.DescribeAsync()).Status);
    }

    [Fact]
    public async System.Threading.Tasks.Task DeleteService_Force_DrainingThenInactiveOnceTasksStop()
    {
        await SetUpAsync("web");
        await bed.Tasks.InstanceAsync();
        await bed.SettleAsync();
        await bed.AgentsCatchUpAsync();

        var response = await bed.Delete.HandleAsync(new DeleteServiceRequest { Service = "web", Force = true }, TaskTestBed.Context, CancellationToken.None);
        Assert.Equal("DRAINING", response.Service!.Status);
        await bed.SettleAsync();
        await bed.AgentsCatchUpAsync();
        await bed.SettleAsync();

        Assert.Equal("INACTIVE", (await bed.DescribeAsync()).Status);
        Assert.Empty(await bed.LiveTasksAsync());
        var error = await Assert.ThrowsAsync<AwsServiceException>(async () => await bed.UpdateAsync(new UpdateServiceRequest { Service = "web", DesiredCount = 1 }));
        Assert.Equal("ServiceNotFoundException", error.Code);
    }
}
