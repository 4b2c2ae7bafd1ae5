using Wharf.Core.Model;
using Wharf.Protocol.Errors;
using Wharf.Protocol.Generated.Ecs;
using Xunit;
using Task = System.Threading.Tasks.Task;

namespace Wharf.Server.Tests.Ecs.Services;

public sealed class CreateServiceHandlerTests
{
    private readonly ServiceTestBed bed = new();

    private async System.Threading.Tasks.Task SetUpAsync()
    {
        await bed.Tasks.ClusterAsync();
        await bed.Tasks.DefinitionAsync();
    }

    [Fact]
    public async System.Threading.Tasks.Task HandleAsync_Valid_StoresActiveServiceWithPrimaryDeployment()
    {
        await SetUpAsync();

        var service = await bed.CreateAsync(new CreateServiceRequest { ServiceName = "web", TaskDefinition = "web", DesiredCount = 2 });

        Assert.Equal("ACTIVE", service.Status);
        Assert.Equal("arn:aws:ecs:us-east-1:000000000000:service/default/web", service.ServiceArn);
        Assert.Equal(2, service.DesiredCount);
        Assert.Equal("REPLICA", service.SchedulingStrategy);
        Assert.Equal(100, service.DeploymentConfiguration!.MinimumHealthyPercent);
        Assert.Equal(200, service.DeploymentConfiguration.MaximumPercent);
        var deployment = Assert.Single(service.Deployments!);
        Assert.Equal("PRIMARY", deployment.Status);
        Assert.Equal("IN_PROGRESS", deployment.RolloutState);
        Assert.Matches("^ecs-svc/[1-9][0-9]{18}$", deployment.Id);
        Assert.Equal("arn:aws:ecs:us-east-1:000000000000:task-definition/web:1", deployment.TaskDefinition);
    }

    [Fact]
    public async System.Threading.Tasks.Task HandleAsync_NegativeDesiredCount_InvalidParameterAndNothingStored()
    {
        await SetUpAsync();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            bed.CreateAsync(new CreateServiceRequest { ServiceName = "web", TaskDefinition = "web", DesiredCount = -1 }));

        Assert.Equal("InvalidParameterException", error.Code);
        Assert.Empty(await bed.Tasks.State.ListAsync<ServiceRecord>(StateKinds.Service, null, CancellationToken.None));
    }

    [Fact]
    public async System.Threading.Tasks.Task HandleAsync_UnknownDefinition_ClientException()
    {
        await SetUpAsync();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            bed.CreateAsync(new CreateServiceRequest { ServiceName = "web", TaskDefinition = "nope", DesiredCount = 1 }));

        Assert.Equal("ClientException", error.Code);
        Assert.Equal("TaskDefinition not found.", error.Message);
    }

    [Fact]
    public async System.Threading.Tasks.Task HandleAsync_InactiveDefinition_ClientException()
    {
        await bed.Tasks.ClusterAsync();
        await bed.Tasks.DefinitionAsync(revision: 1, status: "INACTIVE");

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            bed.CreateAsync(new CreateServiceRequest { ServiceName = "web", TaskDefinition = "web:1", DesiredCount = 1 }));

        Assert.Equal("ClientException", error.Code);
        Assert.Equal("TaskDefinition is inactive", error.Message);
    }

    [Theory]
    [InlineData(150, 200)]
    [InlineData(-1, 200)]
    [InlineData(50, 90)]
    public async System.Threading.Tasks.Task HandleAsync_PercentOutOfRange_InvalidParameter(int minimum, int maximum)
    {
        await SetUpAsync();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => bed.CreateAsync(new CreateServiceRequest
        {
            ServiceName = "web",
            TaskDefinition = "web",
            DesiredCount = 1,
            DeploymentConfiguration = new DeploymentConfiguration { MinimumHealthyPercent = minimum, MaximumPercent = maximum },
        }));

        Assert.Equal("InvalidParameterException", error.Code);
    }

    [Fact]
    public async System.Threading.Tasks.Task HandleAsync_ConstraintThatDoesNotParse_InvalidParameterNamingPosition()
    {
        await SetUpAsync();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => bed.CreateAsync(new CreateServiceRequest
        {
            ServiceName = "web",
            TaskDefinition = "web",
            DesiredCount = 1,
            PlacementConstraints = [new PlacementConstraint { Type = "memberOf", Expression = "attribute:ecs.instance-type =~ " }],
        }));

        Assert.Equal("InvalidParameterException", error.Code);
        Assert.Contains("position", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async System.Threading.Tasks.Task HandleAsync_StrategyFieldEcsRejects_InvalidParameter()
    {
        await SetUpAsync();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => bed.CreateAsync(new CreateServiceRequest
        {
            ServiceName = "web",
            TaskDefinition = "web",
            DesiredCount = 1,
            PlacementStrategy = [new PlacementStrategy { Type = "binpack", Field = "disk" }],
        }));

        Assert.Equal("InvalidParameterException", error.Code);
    }

    [Fact]
    public async System.Threading.Tasks.Task HandleAsync_NameInUse_NotIdempotent()
    {
        await SetUpAsync();
        await bed.CreateAsync(new CreateServiceRequest { ServiceName = "web", TaskDefinition = "web", DesiredCount = 1 });

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            bed.CreateAsync(new CreateServiceRequest { ServiceName = "web", TaskDefinition = "web", DesiredCount = 1 }));

        Assert.Equal("InvalidParameterException", error.Code);
        Assert.Equal("Creation of service was not idempotent.", error.Message);
    }
}
