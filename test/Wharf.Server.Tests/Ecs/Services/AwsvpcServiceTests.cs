using System.Text.Json;
using Wharf.Core.Model;
using Wharf.Protocol.Errors;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Protocol.Json;
using Wharf.Server.Ec2;
using Xunit;
using Task = System.Threading.Tasks.Task;

namespace Wharf.Server.Tests.Ecs.Services;

/// <summary>
/// Services of awsvpc tasks on EC2: CreateService and UpdateService check and keep
/// <c>networkConfiguration</c>, DescribeServices shows it on the service and its deployments, and
/// the controller starts each task with an ENI in a requested subnet of its instance's zone.
/// </summary>
public sealed class AwsvpcServiceTests
{
    private static readonly string SubnetA = DefaultNetwork.SubnetId("us-east-1a");
    private static readonly string SubnetB = DefaultNetwork.SubnetId("us-east-1b");
    private readonly ServiceTestBed bed = new();

    private async Task SetUpAsync()
    {
        await bed.Tasks.ClusterAsync();
        await bed.Tasks.DefinitionAsync(configure: d => d.NetworkMode = "awsvpc", containers: Ecs.Tasks.TaskTestBed.Web(hostPort: null));
        await bed.Tasks.DefinitionAsync(revision: 2, configure: d => d.NetworkMode = "awsvpc", containers: Ecs.Tasks.TaskTestBed.Web(hostPort: null));
        await bed.Tasks.DefinitionAsync(family: "bridge");
        await bed.Tasks.InstanceAsync(zone: "us-east-1a");
        await bed.Tasks.InstanceAsync(zone: "us-east-1b");
    }

    private static NetworkConfiguration Vpc(List<string>? subnets = null, List<string>? groups = null, string? assign = null) => new()
    {
        AwsvpcConfiguration = new AwsVpcConfiguration { Subnets = subnets ?? [SubnetA], SecurityGroups = groups, AssignPublicIp = assign },
    };

    private Task<Service> CreateAsync(NetworkConfiguration? network, string definition = "web:1", int desired = 2) =>
        bed.CreateAsync(new CreateServiceRequest { ServiceName = "web", TaskDefinition = definition, DesiredCount = desired, NetworkConfiguration = network });

    private static string Json(NetworkConfiguration? network) => JsonSerializer.Serialize(network, AwsJson.Options);

    [Fact]
    public async Task CreateService_Awsvpc_NetworkShownOnServiceAndDeploymentWithAssignPublicIpDefault()
    {
        await SetUpAsync();

        var created = await CreateAsync(Vpc([SubnetA, SubnetB]));
        var described = await bed.DescribeAsync();

        var expected = $$$"""{"awsvpcConfiguration":{"subnets":["{{{SubnetA}}}","{{{SubnetB}}}"],"securityGroups":[],"assignPublicIp":"DISABLED"}}""";
        Assert.Equal(expected, Json(created.NetworkConfiguration));
        Assert.Equal(expected, Json(described.NetworkConfiguration));
        Assert.Equal(expected, Json(Assert.Single(described.Deployments!).NetworkConfiguration));
    }

    [Fact]
    public async Task CreateService_GivenGroupAndDisabled_EchoedAsGiven()
    {
        await SetUpAsync();
        var group = bed.Tasks.Network.SecurityGroupId;

        var created = await CreateAsync(Vpc(groups: [group], assign: "DISABLED"));

        Assert.Equal([group], created.NetworkConfiguration!.AwsvpcConfiguration!.SecurityGroups);
        Assert.Equal("DISABLED", created.NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp);
    }

    [Fact]
    public async Task CreateService_BridgeDefinition_NoNetworkConfigurationShown()
    {
        await SetUpAsync();

        var created = await CreateAsync(null, "bridge");

        Assert.Null(created.NetworkConfiguration);
        Assert.Null(Assert.Single(created.Deployments!).NetworkConfiguration);
    }

    public static TheoryData<string, string> Refusals => new()
    {
        { "none", "Network Configuration must be provided when networkMode 'awsvpc' is specified." },
        { "public ip", "Assign public IP is not supported for this launch type." },
        { "unknown subnet", "The subnet ID 'subnet-0000000000000dead' does not exist" },
        { "unknown group", "The security group 'sg-nope' does not exist" },
        { "bridge with network", "Network Configuration is not valid for the given networkMode of this task definition." },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task CreateService_BadNetwork_InvalidParameterNothingStored(string scenario, string message)
    {
        await SetUpAsync();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => scenario switch
        {
            "none" => CreateAsync(null),
            "public ip" => CreateAsync(Vpc(assign: "ENABLED")),
            "unknown subnet" => CreateAsync(Vpc(["subnet-0000000000000dead"])),
            "unknown group" => CreateAsync(Vpc(groups: ["sg-nope"])),
            _ => CreateAsync(Vpc(), "bridge"),
        });

        Assert.Equal("InvalidParameterException", error.Code);
        Assert.Equal(400, error.StatusCode);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Empty(await bed.Tasks.State.ListAsync<ServiceRecord>(StateKinds.Service, null, CancellationToken.None));
    }

    [Fact]
    public async Task Controller_AwsvpcService_EachTaskHasEniInItsZonesSubnet()
    {
        await SetUpAsync();
        await CreateAsync(Vpc([SubnetA, SubnetB]), desired: 4);

        await bed.SettleAsync();

        var instances = await bed.Tasks.State.ListAsync<ContainerInstanceRecord>(StateKinds.ContainerInstance, null, CancellationToken.None);
        var zoneOf = instances.ToDictionary(i => i.Value.Arn, i => i.Value.Attributes.Single(a => a.Name == "ecs.availability-zone").Value!);
        var tasks = await bed.LiveTasksAsync();
        Assert.Equal(4, tasks.Count);
        Assert.All(tasks, t =>
        {
            Assert.Equal("PRECREATED", t.NetworkInterface!.Status);
            Assert.Equal(DefaultNetwork.SubnetId(zoneOf[t.ContainerInstanceArn!]), t.NetworkInterface.SubnetId);
            Assert.Equal([bed.Tasks.Network.SecurityGroupId], t.NetworkInterface.SecurityGroups);
        });
        Assert.Equal(2, tasks.Select(t => t.NetworkInterface!.SubnetId).Distinct().Count());
        Assert.Equal(4, tasks.Select(t => t.NetworkInterface!.NetworkInterfaceId).Distinct().Count());
    }

    [Fact]
    public async Task Controller_SubnetOnlyInOneZone_TasksOnlyThere()
    {
        await SetUpAsync();
        await CreateAsync(Vpc([SubnetB]), desired: 3);

        await bed.SettleAsync();

        var instanceB = (await bed.Tasks.State.ListAsync<ContainerInstanceRecord>(StateKinds.ContainerInstance, null, CancellationToken.None))
            .Single(i => i.Value.Attributes.Any(a => a.Value == "us-east-1b")).Value.Arn;
        var tasks = await bed.LiveTasksAsync();
        Assert.Equal(3, tasks.Count);
        Assert.All(tasks, t => Assert.Equal(instanceB, t.ContainerInstanceArn));
    }

    [Fact]
    public async Task UpdateService_NewNetwork_NewDeploymentWithIt()
    {
        await SetUpAsync();
        await CreateAsync(Vpc([SubnetA]));

        var updated = await bed.UpdateAsync(new UpdateServiceRequest { Service = "web", NetworkConfiguration = Vpc([SubnetB]) });

        Assert.Equal(2, updated.Deployments!.Count);
        Assert.Equal([SubnetB], updated.NetworkConfiguration!.AwsvpcConfiguration!.Subnets);
        Assert.Equal([SubnetB], updated.Deployments[0].NetworkConfiguration!.AwsvpcConfiguration!.Subnets);
        Assert.Equal([SubnetA], updated.Deployments[1].NetworkConfiguration!.AwsvpcConfiguration!.Subnets);
    }

    [Fact]
    public async Task UpdateService_SameNetworkAgain_NoNewDeployment()
    {
        await SetUpAsync();
        await CreateAsync(Vpc([SubnetA]));

        var updated = await bed.UpdateAsync(new UpdateServiceRequest { Service = "web", NetworkConfiguration = Vpc([SubnetA], assign: "DISABLED"), DesiredCount = 3 });

        Assert.Equal(3, Assert.Single(updated.Deployments!).DesiredCount);
    }

    [Fact]
    public async Task UpdateService_NewDefinitionOnly_KeepsTheNetwork()
    {
        await SetUpAsync();
        await CreateAsync(Vpc([SubnetB]));

        var updated = await bed.UpdateAsync(new UpdateServiceRequest { Service = "web", TaskDefinition = "web:2" });

        Assert.Equal(2, updated.Deployments!.Count);
        Assert.Equal([SubnetB], updated.Deployments[0].NetworkConfiguration!.AwsvpcConfiguration!.Subnets);
    }

    [Fact]
    public async Task UpdateService_BridgeDefinition_DropsTheNetwork()
    {
        await SetUpAsync();
        await CreateAsync(Vpc([SubnetA]));

        var updated = await bed.UpdateAsync(new UpdateServiceRequest { Service = "web", TaskDefinition = "bridge" });

        Assert.Null(updated.NetworkConfiguration);
        Assert.Null(updated.Deployments![0].NetworkConfiguration);
    }

    [Fact]
    public async Task UpdateService_BadNetwork_RefusedServiceUnchanged()
    {
        await SetUpAsync();
        await CreateAsync(Vpc([SubnetA]));
        var before = await bed.Tasks.GetAsync<ServiceRecord>(StateKinds.Service, "arn:aws:ecs:us-east-1:000000000000:service/default/web");

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            bed.UpdateAsync(new UpdateServiceRequest { Service = "web", NetworkConfiguration = Vpc([SubnetA], assign: "ENABLED") }));

        Assert.Equal("Assign public IP is not supported for this launch type.", error.Message);
        var after = await bed.Tasks.GetAsync<ServiceRecord>(StateKinds.Service, "arn:aws:ecs:us-east-1:000000000000:service/default/web");
        Assert.Equal(before.Version, after.Version);
    }

    [Fact]
    public async Task UpdateService_AwsvpcDefinitionOnBridgeService_NeedsANetwork()
    {
        await SetUpAsync();
        await CreateAsync(null, "bridge");

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            bed.UpdateAsync(new UpdateServiceRequest { Service = "web", TaskDefinition = "web:1" }));
        var updated = await bed.UpdateAsync(new UpdateServiceRequest { Service = "web", TaskDefinition = "web:1", NetworkConfiguration = Vpc() });

        Assert.Equal("Network Configuration must be provided when networkMode 'awsvpc' is specified.", error.Message);
        Assert.Equal([SubnetA], updated.NetworkConfiguration!.AwsvpcConfiguration!.Subnets);
    }
}
