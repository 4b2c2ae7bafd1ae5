using System.Text.RegularExpressions;
using Wharf.Core.Model;
using Wharf.Protocol.Errors;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.Ec2;
using Xunit;
using Task = System.Threading.Tasks.Task;

namespace Wharf.Server.Tests.Ecs.Tasks;

/// <summary>RunTask and StartTask with awsvpc definitions on EC2: validation, placement by subnet zone, the task's ENI.</summary>
public sealed partial class RunTaskHandlerTests
{
    private static readonly string SubnetA = DefaultNetwork.SubnetId("us-east-1a");
    private static readonly string SubnetB = DefaultNetwork.SubnetId("us-east-1b");

    private async Task AwsvpcSetUpAsync(params string[] zones)
    {
        await bed.ClusterAsync();
        await bed.DefinitionAsync(configure: d => d.NetworkMode = "awsvpc", containers: TaskTestBed.Web(hostPort: null));
        foreach (var zone in zones.Length == 0 ? ["us-east-1a"] : zones)
        {
            await bed.InstanceAsync(zone: zone);
        }
    }

    private static NetworkConfiguration Vpc(List<string>? subnets = null, List<string>? groups = null, string? assign = null) => new()
    {
        AwsvpcConfiguration = new AwsVpcConfiguration { Subnets = subnets ?? [SubnetA], SecurityGroups = groups, AssignPublicIp = assign },
    };

    private Task<RunTaskResponse> RunVpcAsync(NetworkConfiguration? network, int count = 1) =>
        bed.RunAsync(new RunTaskRequest { TaskDefinition = "web", Count = count, NetworkConfiguration = network });

    private async Task<AwsServiceException> RefusedAsync(NetworkConfiguration? network)
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => RunVpcAsync(network));
        Assert.Equal("InvalidParameterException", error.Code);
        Assert.Equal(400, error.StatusCode);
        Assert.Empty(await bed.TasksAsync());
        return error;
    }

    [Fact]
    public async Task HandleAsync_Awsvpc_TaskGetsPrecreatedEniInTheSubnet()
    {
        await AwsvpcSetUpAsync();

        var response = await RunVpcAsync(Vpc());

        var task = Assert.Single(await bed.TasksAsync());
        var eni = task.NetworkInterface!;
        Assert.Equal("PRECREATED", eni.Status);
        Assert.Equal(SubnetA, eni.SubnetId);
        Assert.Equal("172.31.0.0/20", eni.SubnetCidr);
        Assert.Matches("^eni-[0-9a-f]{17}$", eni.NetworkInterfaceId);
        Assert.True(Guid.TryParse(eni.AttachmentId, out _));
        Assert.Equal([bed.Network.SecurityGroupId], eni.SecurityGroups);
        Assert.Empty(task.ReservedPorts);

        var attachment = Assert.Single(response.Tasks![0].Attachments!);
        Assert.Equal(eni.AttachmentId, attachment.Id);
        Assert.Equal("ElasticNetworkInterface", attachment.Type);
        Assert.Equal("PRECREATED", attachment.Status);
        Assert.Equal(["subnetId", "networkInterfaceId"], attachment.Details!.Select(d => d.Name));
        Assert.Empty(response.Tasks[0].Containers![0].NetworkInterfaces!);
    }

    [Fact]
    public async Task HandleAsync_AwsvpcGivenGroups_InterfaceGetsThem()
    {
        await AwsvpcSetUpAsync();

        await RunVpcAsync(Vpc(groups: [bed.Network.SecurityGroupId], assign: "DISABLED"));

        Assert.Equal([bed.Network.SecurityGroupId], Assert.Single(await bed.TasksAsync()).NetworkInterface!.SecurityGroups);
    }

    [Fact]
    public async Task HandleAsync_AwsvpcStaticPorts_TwoTasksShareOneInstance()
    {
        await bed.ClusterAsync();
        await bed.DefinitionAsync(configure: d => d.NetworkMode = "awsvpc", containers: TaskTestBed.Web(hostPort: 80));
        await bed.InstanceAsync();

        var response = await RunVpcAsync(Vpc(), count: 2);

        Assert.Equal(2, response.Tasks!.Count);
        Assert.All(await bed.TasksAsync(), t => Assert.Empty(t.ReservedPorts));
    }

    [Fact]
    public async Task HandleAsync_AwsvpcTwoZones_PlacedOnlyInTheSubnetsZone()
    {
        await AwsvpcSetUpAsync("us-east-1a", "us-east-1b", "us-east-1b");
        var zoneB = (await bed.State.ListAsync<ContainerInstanceRecord>(StateKinds.ContainerInstance, null, CancellationToken.None))
            .Where(i => i.Value.Attributes.Any(a => a.Value == "us-east-1b"))
            .Select(i => i.Value.Arn)
            .ToHashSet();

        await RunVpcAsync(Vpc([SubnetB]), count: 4);

        var tasks = await bed.TasksAsync();
        Assert.Equal(4, tasks.Count);
        Assert.All(tasks, t =>
        {
            Assert.Contains(t.ContainerInstanceArn!, zoneB);
            Assert.Equal(SubnetB, t.NetworkInterface!.SubnetId);
            Assert.Equal("172.31.16.0/20", t.NetworkInterface.SubnetCidr);
        });
    }

    [Fact]
    public async Task HandleAsync_AwsvpcSubnetsInBothZones_EachTaskInItsInstancesZone()
    {
        await AwsvpcSetUpAsync("us-east-1a", "us-east-1b");
        var zones = (await bed.State.ListAsync<ContainerInstanceRecord>(StateKinds.ContainerInstance, null, CancellationToken.None))
            .ToDictionary(i => i.Value.Arn, i => i.Value.Attributes.Single(a => a.Name == "ecs.availability-zone").Value);

        await RunVpcAsync(Vpc([SubnetB, SubnetA]), count: 6);

        Assert.All(await bed.TasksAsync(), t => Assert.Equal(DefaultNetwork.SubnetId(zones[t.ContainerInstanceArn!]!), t.NetworkInterface!.SubnetId));
    }

    [Fact]
    public async Task HandleAsync_AwsvpcNoInstanceInTheSubnetsZone_FailureSaysSo()
    {
        await AwsvpcSetUpAsync("us-east-1a", "us-east-1b");
        await bed.InstanceAsync(cluster: "elsewhere", zone: "us-east-1c");

        var response = await RunVpcAsync(Vpc([DefaultNetwork.SubnetId("us-east-1c")]));

        Assert.Empty(response.Tasks!);
        Assert.Equal(2, response.Failures!.Count);
        Assert.All(response.Failures, f => Assert.Equal("No subnet in the awsvpcConfiguration is in the container instance's availability zone.", f.Reason));
        Assert.Empty(await bed.TasksAsync());
    }

    [Fact]
    public async Task HandleAsync_AwsvpcWithoutNetworkConfiguration_KeepsEcsError()
    {
        await AwsvpcSetUpAsync();

        var error = await RefusedAsync(null);

        Assert.Equal("Network Configuration must be provided when networkMode 'awsvpc' is specified.", error.Message);
    }

    [Fact]
    public async Task HandleAsync_NetworkConfigurationForBridge_Refused()
    {
        await SetUpAsync();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => RunVpcAsync(Vpc()));

        Assert.Equal("Network Configuration is not valid for the given networkMode of this task definition.", error.Message);
    }

    public static TheoryData<string, string> BadConfigurations => new()
    {
        { "no subnets", "subnets can not be empty." },
        { "17 subnets", "subnets can have at most 16 items." },
        { "6 groups", "securityGroups can have at most 5 items." },
        { "public ip", "Assign public IP is not supported for this launch type." },
        { "bad assign", "MAYBE is not a valid value for assignPublicIp" },
        { "unknown subnet", "Error retrieving subnet information for [subnet-0000000000000dead]: The subnet ID 'subnet-0000000000000dead' does not exist (ErrorCode: InvalidSubnetID.NotFound)" },
        { "subnet of no zone", "The subnet ID '" + DefaultNetwork.SubnetId("us-east-1b") + "' does not exist" },
        { "unknown group", "Error retrieving security group information for [sg-1234]: The security group 'sg-1234' does not exist (ErrorCode: InvalidGroup.NotFound)" },
    };

    [Theory]
    [MemberData(nameof(BadConfigurations))]
    public async Task HandleAsync_BadAwsvpcConfiguration_InvalidParameterNothingStarted(string scenario, string message)
    {
        await AwsvpcSetUpAsync();
        var network = scenario switch
        {
            "no subnets" => Vpc([]),
            "17 subnets" => Vpc([.. Enumerable.Range(0, 17).Select(i => $"subnet-{i:x17}")]),
            "6 groups" => Vpc(groups: [.. Enumerable.Range(0, 6).Select(i => $"sg-{i}")]),
            "public ip" => Vpc(assign: "ENABLED"),
            "bad assign" => Vpc(assign: "MAYBE"),
            "unknown subnet" => Vpc(["subnet-0000000000000dead"]),
            "subnet of no zone" => Vpc([SubnetA, SubnetB]),
            "unknown group" => Vpc(groups: [bed.Network.SecurityGroupId, "sg-1234"]),
            _ => throw new ArgumentException(scenario),
        };

        var error = await RefusedAsync(network);

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_AwsvpcEmptyAwsvpcConfiguration_MustBeProvided()
    {
        await AwsvpcSetUpAsync();

        var error = await RefusedAsync(new NetworkConfiguration());

        Assert.Equal("Network Configuration must be provided when networkMode 'awsvpc' is specified.", error.Message);
    }

    [Fact]
    public async Task HandleAsync_AwsvpcExternal_Refused()
    {
        await AwsvpcSetUpAsync();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            bed.RunAsync(new RunTaskRequest { TaskDefinition = "web", LaunchType = "EXTERNAL", NetworkConfiguration = Vpc() }));

        Assert.Equal("InvalidParameterException", error.Code);
        Assert.Empty(await bed.TasksAsync());
    }

    [Fact]
    public async Task StartTask_Awsvpc_InstanceOutsideTheSubnetsZone_Failure()
    {
        await AwsvpcSetUpAsync("us-east-1a", "us-east-1b");
        var instances = await bed.State.ListAsync<ContainerInstanceRecord>(StateKinds.ContainerInstance, bed.Arns.ClusterArn("default"), CancellationToken.None);
        var inA = instances.Single(i => i.Value.Attributes.Any(a => a.Value == "us-east-1a")).Value.Arn;
        var inB = instances.Single(i => i.Value.Attributes.Any(a => a.Value == "us-east-1b")).Value.Arn;

        var response = await bed.StartTask.HandleAsync(
            new StartTaskRequest { TaskDefinition = "web", ContainerInstances = [inA, inB], NetworkConfiguration = Vpc([SubnetB]) },
            TaskTestBed.Context,
            CancellationToken.None);

        var task = Assert.Single(response.Tasks!);
        Assert.Equal(inB, task.ContainerInstanceArn);
        Assert.Equal(SubnetB, (await bed.TasksAsync()).Single().NetworkInterface!.SubnetId);
        var failure = Assert.Single(response.Failures!);
        Assert.Equal(inA, failure.Arn);
        Assert.Contains("availability zone", failure.Reason, StringComparison.Ordinal);
    }
}
