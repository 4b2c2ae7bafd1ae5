using Wharf.Core.Model;
using Wharf.Protocol.Errors;
using Wharf.Protocol.Generated.Ecs;
using Xunit;

namespace Wharf.Server.Tests.Ecs.Services;

public sealed class AvailabilityZoneRebalancingTests
{
    private readonly ServiceTestBed bed = new();

    [Fact]
    public async System.Threading.Tasks.Task CreateAsync_NotGiven_DefaultsToEnabledForReplica()
    {
        await SetUpAsync();

        var service = await bed.CreateAsync(new CreateServiceRequest { ServiceName = "web", TaskDefinition = "web", DesiredCount = 1 });

        Assert.Equal("ENABLED", service.AvailabilityZoneRebalancing);
    }

    [Fact]
    public async System.Threading.Tasks.Task CreateAsync_Disabled_ReportedAsGiven()
    {
        await SetUpAsync();

        var service = await bed.CreateAsync(new CreateServiceRequest
        {
            ServiceName = "web",
            TaskDefinition = "web",
            DesiredCount = 1,
            AvailabilityZoneRebalancing = "DISABLED",
        });

        Assert.Equal("DISABLED", service.AvailabilityZoneRebalancing);
    }

    [Fact]
    public async System.Threading.Tasks.Task CreateAsync_UnknownValue_InvalidParameterAndNothingStored()
    {
        await SetUpAsync();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => bed.CreateAsync(new CreateServiceRequest
        {
            ServiceName = "web",
            TaskDefinition = "web",
            DesiredCount = 1,
            AvailabilityZoneRebalancing = "SOMETIMES",
        }));

        Assert.Equal("InvalidParameterException", error.Code);
        Assert.Empty(await bed.Tasks.State.ListAsync<ServiceRecord>(StateKinds.Service, null, CancellationToken.None));
    }

    private async System.Threading.Tasks.Task SetUpAsync()
    {
        await bed.Tasks.ClusterAsync();
        await bed.Tasks.DefinitionAsync();
    }
}
