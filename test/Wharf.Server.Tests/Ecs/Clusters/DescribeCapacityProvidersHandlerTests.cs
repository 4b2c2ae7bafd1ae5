using Wharf.Core.Arns;
using Wharf.Protocol.Errors;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.Ecs.Clusters;
using Wharf.Server.Tests.Ecs.Tasks;
using Xunit;
using Task = System.Threading.Tasks.Task;

namespace Wharf.Server.Tests.Ecs.Clusters;

/// <summary>DescribeCapacityProviders: Wharf's FARGATE and FARGATE_SPOT, and MISSING for anything else.</summary>
public sealed class DescribeCapacityProvidersHandlerTests
{
    private readonly DescribeCapacityProvidersHandler handler = new(new ArnFormatter(AccountContext.Default));

    private async Task<DescribeCapacityProvidersResponse> DescribeAsync(DescribeCapacityProvidersRequest request) =>
        await handler.HandleAsync(request, TaskTestBed.Context, CancellationToken.None);

    [Fact]
    public async Task HandleAsync_NoNames_BothFargateProviders()
    {
        var response = await DescribeAsync(new DescribeCapacityProvidersRequest());

        Assert.Equal(["FARGATE", "FARGATE_SPOT"], response.CapacityProviders!.Select(p => p.Name));
        Assert.Equal("arn:aws:ecs:us-east-1:000000000000:capacity-provider/FARGATE", response.CapacityProviders![0].CapacityProviderArn);
        Assert.All(response.CapacityProviders!, p => Assert.Equal("ACTIVE", p.Status));
        Assert.Empty(response.Failures!);
    }

    [Fact]
    public async Task HandleAsync_ByArnAndUnknownName_OneFoundOneMissing()
    {
        var response = await DescribeAsync(new DescribeCapacityProvidersRequest
        {
            CapacityProviders = ["arn:aws:ecs:us-east-1:000000000000:capacity-provider/FARGATE_SPOT", "my-asg"],
            Include = ["TAGS"],
        });

        Assert.Equal("FARGATE_SPOT", Assert.Single(response.CapacityProviders!).Name);
        Assert.Empty(response.CapacityProviders![0].Tags!);
        var failure = Assert.Single(response.Failures!);
        Assert.Equal(("my-asg", "MISSING"), (failure.Arn, failure.Reason));
    }

    [Fact]
    public async Task HandleAsync_MaxResultsOutOfRange_InvalidParameter()
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => DescribeAsync(new DescribeCapacityProvidersRequest { MaxResults = 11 }));

        Assert.Equal("InvalidParameterException", error.Code);
    }
}
