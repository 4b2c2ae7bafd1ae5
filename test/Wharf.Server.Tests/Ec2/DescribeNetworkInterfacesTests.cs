using Wharf.Core.Model;
using Wharf.Protocol.Generated.Ec2;
using Wharf.Server.Ec2;
using Wharf.Server.State;
using Wharf.Server.Tests.ElasticLoadBalancing;
using Xunit;
using static Wharf.Server.Tests.ElasticLoadBalancing.ElbTestBed;

namespace Wharf.Server.Tests.Ec2;

/// <summary>DescribeNetworkInterfaces over the ENIs of awsvpc tasks, as EC2 shows the ones ECS manages.</summary>
public sealed class DescribeNetworkInterfacesTests
{
    private const string Cluster = "arn:aws:ecs:us-east-1:000000000000:cluster/default";
    private const string Instance = "arn:aws:ecs:us-east-1:000000000000:container-instance/default/ci1";

    private readonly ElbTestBed bed = new();
    private readonly DescribeNetworkInterfacesHandler handler;

    public DescribeNetworkInterfacesTests()
    {
        handler = new DescribeNetworkInterfacesHandler(bed.State, bed.Network);
    }

    [Fact]
    public async Task Describe_AttachedTaskEni_AsEcsManagedInterface()
    {
        await PutAsync(TaskWith("t1", "eni-0000000000000001", "ATTACHED", "172.31.0.7"));

        var eni = Assert.Single((await DescribeAsync(new DescribeNetworkInterfacesRequest())).NetworkInterfaces!);

        Assert.Equal("eni-0000000000000001", eni.NetworkInterfaceId);
        Assert.Equal("interface", eni.InterfaceType);
        Assert.Equal("arn:aws:ecs:us-east-1:000000000000:attachment/att-t1", eni.Description);
        Assert.Equal("in-use", eni.Status);
        Assert.Equal((Subnet, bed.Network.VpcId, "us-east-1a", "use1-az1"), (eni.SubnetId, eni.VpcId, eni.AvailabilityZone, eni.AvailabilityZoneId));
        Assert.Equal(("172.31.0.7", "ip-172-31-0-7.ec2.internal"), (eni.PrivateIpAddress, eni.PrivateDnsName));
        Assert.True(Assert.Single(eni.PrivateIpAddresses!).Primary);
        Assert.Equal("0a:58:ac:1f:00:07", eni.MacAddress);
        var group = Assert.Single(eni.Groups!);
        Assert.Equal((bed.Network.SecurityGroupId, "default"), (group.GroupId, group.GroupName));
        Assert.True(eni.RequesterManaged);
        Assert.Equal("000000000000", eni.OwnerId);
        Assert.Equal(("i-0123456789abcdef0", "attached", 1), (eni.Attachment!.InstanceId, eni.Attachment.Status, eni.Attachment.DeviceIndex));
        Assert.StartsWith("eni-attach-", eni.Attachment.AttachmentId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Describe_PrecreatedEni_AvailableWithoutAttachmentOrAddress()
    {
        await PutAsync(TaskWith("t1", "eni-0000000000000001", "PRECREATED", null));

        var eni = Assert.Single((await DescribeAsync(new DescribeNetworkInterfacesRequest())).NetworkInterfaces!);

        Assert.Equal("available", eni.Status);
        Assert.Null(eni.Attachment);
        Assert.Null(eni.PrivateIpAddress);
        Assert.Empty(eni.PrivateIpAddresses!);
    }

    [Fact]
    public async Task Describe_DeletedEniAndBridgeTask_NotListed()
    {
        await PutAsync(TaskWith("t1", "eni-0000000000000001", "DELETED", "172.31.0.7"));
        await PutAsync(TaskWith("t2", null, null, null));

        Assert.Empty((await DescribeAsync(new DescribeNetworkInterfacesRequest())).NetworkInterfaces!);
        var error = await FailsAsync(() => DescribeAsync(new DescribeNetworkInterfacesRequest { NetworkInterfaceIds = ["eni-0000000000000001"] }));
        Assert.Equal("InvalidNetworkInterfaceID.NotFound", error.QueryCode);
    }

    [Fact]
    public async Task Describe_ById_OnlyThatInterface()
    {
        await PutAsync(TaskWith("t1", "eni-0000000000000001", "ATTACHED", "172.31.0.7"));
        await PutAsync(TaskWith("t2", "eni-0000000000000002", "ATTACHED", "172.31.0.8"));

        var result = await DescribeAsync(new DescribeNetworkInterfacesRequest { NetworkInterfaceIds = ["eni-0000000000000002"] });

        Assert.Equal("172.31.0.8", Assert.Single(result.NetworkInterfaces!).PrivateIpAddress);
    }

    [Fact]
    public async Task Describe_KnownAndUnknownId_NotFoundNamesTheUnknown()
    {
        await PutAsync(TaskWith("t1", "eni-0000000000000001", "ATTACHED", "172.31.0.7"));

        var error = await FailsAsync(() => DescribeAsync(
            new DescribeNetworkInterfacesRequest { NetworkInterfaceIds = ["eni-0000000000000001", "eni-0123"] }));

        Assert.Equal("InvalidNetworkInterfaceID.NotFound", error.QueryCode);
        Assert.Contains("'eni-0123'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("network-interface-id", "eni-0000000000000002", "eni-0000000000000002")]
    [InlineData("private-ip-address", "172.31.0.7", "eni-0000000000000001")]
    [InlineData("addresses.private-ip-address", "172.31.0.8", "eni-0000000000000002")]
    [InlineData("description", "arn:aws:ecs:*:attachment/att-t2", "eni-0000000000000002")]
    [InlineData("status", "available", "eni-0000000000000002")]
    [InlineData("attachment.status", "attached", "eni-0000000000000001")]
    [InlineData("attachment.instance-id", "i-0123456789abcdef0", "eni-0000000000000001")]
    public async Task Describe_Filter_SelectsMatchingInterface(string name, string value, string expected)
    {
        await PutAsync(TaskWith("t1", "eni-0000000000000001", "ATTACHED", "172.31.0.7"));
        await PutAsync(TaskWith("t2", "eni-0000000000000002", "DETACHED", "172.31.0.8"));

        var result = await DescribeAsync(new DescribeNetworkInterfacesRequest { Filters = [new Filter { Name = name, Values = [value] }] });

        Assert.Equal(expected, Assert.Single(result.NetworkInterfaces!).NetworkInterfaceId);
    }

    [Fact]
    public async Task Describe_SubnetVpcAndGroupFilters_AllMatchTogether()
    {
        await PutAsync(TaskWith("t1", "eni-0000000000000001", "ATTACHED", "172.31.0.7"));

        var matching = await DescribeAsync(new DescribeNetworkInterfacesRequest
        {
            Filters =
            [
                new Filter { Name = "subnet-id", Values = [Subnet] },
                new Filter { Name = "vpc-id", Values = [bed.Network.VpcId] },
                new Filter { Name = "group-id", Values = [bed.Network.SecurityGroupId] },
                new Filter { Name = "requester-managed", Values = ["true"] },
            ],
        });
        var otherVpc = await DescribeAsync(new DescribeNetworkInterfacesRequest
        {
            Filters = [new Filter { Name = "subnet-id", Values = [Subnet] }, new Filter { Name = "vpc-id", Values = ["vpc-other"] }],
        });

        Assert.Single(matching.NetworkInterfaces!);
        Assert.Empty(otherVpc.NetworkInterfaces!);
    }

    [Fact]
    public async Task Describe_BalancerDescriptionFilter_None()
    {
        await PutAsync(TaskWith("t1", "eni-0000000000000001", "ATTACHED", "172.31.0.7"));

        var result = await DescribeAsync(new DescribeNetworkInterfacesRequest
        {
            Filters = [new Filter { Name = "description", Values = ["ELB app/demo/0123456789abcdef"] }],
        });

        Assert.Empty(result.NetworkInterfaces!);
    }

    [Fact]
    public async Task Describe_UnknownFilterName_MatchesNothing()
    {
        await PutAsync(TaskWith("t1", "eni-0000000000000001", "ATTACHED", "172.31.0.7"));

        var result = await DescribeAsync(new DescribeNetworkInterfacesRequest { Filters = [new Filter { Name = "no-such-filter", Values = ["*"] }] });

        Assert.Empty(result.NetworkInterfaces!);
    }

    private static string Subnet => DefaultNetwork.SubnetId("us-east-1a");

    private Task<DescribeNetworkInterfacesResult> DescribeAsync(DescribeNetworkInterfacesRequest request) =>
        handler.HandleAsync(request, Context, default).AsTask();

    private TaskRecord TaskWith(string id, string? eni, string? status, string? address) => new()
    {
        Arn = $"arn:aws:ecs:us-east-1:000000000000:task/default/{id}",
        Id = id,
        ClusterArn = Cluster,
        TaskDefinitionArn = "arn:aws:ecs:us-east-1:000000000000:task-definition/web:1",
        Family = "web",
        Revision = 1,
        ContainerInstanceArn = Instance,
        LastStatus = "RUNNING",
        DesiredStatus = "RUNNING",
        AvailabilityZone = "us-east-1a",
        CreatedAt = Start,
        Containers = [],
        NetworkInterface = eni is null ? null : new TaskNetworkInterfaceRecord
        {
            AttachmentId = "att-" + id,
            Status = status!,
            NetworkInterfaceId = eni,
            SubnetId = Subnet,
            SubnetCidr = "172.31.0.0/20",
            SecurityGroups = [bed.Network.SecurityGroupId],
            PrivateIpv4Address = address,
            MacAddress = address is null ? null : "0a:58:ac:1f:00:0" + address[^1],
        },
    };

    private async Task PutAsync(TaskRecord task)
    {
        var write = bed.State.Begin();
        write.Put(StateKinds.Task, task.Arn, task.ClusterArn, task, 0);
        if (await bed.State.GetAsync<ContainerInstanceRecord>(StateKinds.ContainerInstance, Instance, default) is null)
        {
            write.Put(StateKinds.ContainerInstance, Instance, Cluster, new ContainerInstanceRecord
            {
                Arn = Instance,
                Id = "ci1",
                ClusterArn = Cluster,
                Ec2InstanceId = "i-0123456789abcdef0",
                Status = "ACTIVE",
                AgentConnected = true,
                RegisteredAt = Start,
                AgentVersion = "1",
                DockerVersion = "1",
                RegisteredCpu = 1024,
                RegisteredMemory = 1024,
                HostAddress = "127.0.0.1",
                Attributes = [new AttributeRecord("ecs.availability-zone", "us-east-1a")],
            }, 0);
        }

        await write.CommitAsync(default);
    }
}
