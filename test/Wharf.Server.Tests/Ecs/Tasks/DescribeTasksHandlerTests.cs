using Wharf.Core.Model;
using Wharf.Protocol.Errors;
using Wharf.Protocol.Generated.Ecs;
using Xunit;
using Task = System.Threading.Tasks.Task;

namespace Wharf.Server.Tests.Ecs.Tasks;

public sealed class DescribeTasksHandlerTests
{
    private readonly TaskTestBed bed = new();

    private async Task<string> RunOneAsync(List<Tag>? tags = null)
    {
        await bed.ClusterAsync();
        await bed.DefinitionAsync();
        await bed.InstanceAsync(zone: "us-east-1c");
        return (await bed.RunAsync(new RunTaskRequest { TaskDefinition = "web", Tags = tags })).Tasks![0].TaskArn!;
    }

    private ValueTask<DescribeTasksResponse> DescribeAsync(List<string> tasks, List<string>? include = null) =>
        bed.DescribeTasks.HandleAsync(new DescribeTasksRequest { Tasks = tasks, Include = include }, TaskTestBed.Context, CancellationToken.None);

    [Fact]
    public async Task HandleAsync_RunningTask_FullWireShape()
    {
        var arn = await RunOneAsync();
        await bed.UpdateTaskAsync(arn, t => t with
        {
            LastStatus = "RUNNING",
            StartedAt = TaskTestBed.Start.AddSeconds(5),
            ConnectivityAt = TaskTestBed.Start.AddSeconds(1),
            Version = 3,
            Containers = [t.Containers[0] with
            {
                LastStatus = "RUNNING",
                RuntimeId = "abc123",
                NetworkBindings = [new NetworkBindingRecord("0.0.0.0", 80, 49153, "tcp")],
            }],
        });

        var response = await DescribeAsync([arn]);

        var task = Assert.Single(response.Tasks!);
        Assert.Empty(response.Failures!);
        Assert.Equal("RUNNING", task.LastStatus);
        Assert.Equal("us-east-1c", task.AvailabilityZone);
        Assert.Equal("x86_64", Assert.Single(task.Attributes!).Value);
        Assert.Equal("CONNECTED", task.Connectivity);
        Assert.Equal(3, task.Version);
        Assert.Null(task.Tags);
        var container = Assert.Single(task.Containers!);
        Assert.Equal("abc123", container.RuntimeId);
        Assert.Equal(49153, Assert.Single(container.NetworkBindings!).HostPort);
        Assert.Equal(arn, container.TaskArn);
    }

    [Fact]
    public async Task HandleAsync_StoppedTask_ExitCodeAndReasons()
    {
        var arn = await RunOneAsync();
        await bed.UpdateTaskAsync(arn, t => t with
        {
            LastStatus = "STOPPED",
            DesiredStatus = "STOPPED",
            StopCode = "EssentialContainerExited",
            StoppedReason = "Essential container in task exited",
            Containers = [t.Containers[0] with { LastStatus = "STOPPED", ExitCode = 137, Reason = "killed" }],
        });

        var task = Assert.Single((await DescribeAsync([arn])).Tasks!);

        Assert.Equal("EssentialContainerExited", task.StopCode);
        Assert.Equal(137, task.Containers![0].ExitCode);
        Assert.Equal("killed", task.Containers[0].Reason);
    }

    [Fact]
    public async Task HandleAsync_UnknownTask_MissingFailureWithArn()
    {
        var arn = await RunOneAsync();
        var unknown = new string('d', 32);

        var response = await DescribeAsync([arn, unknown]);

        Assert.Single(response.Tasks!);
        var failure = Assert.Single(response.Failures!);
        Assert.Equal("MISSING", failure.Reason);
        Assert.Equal(bed.Arns.TaskArn("default", unknown), failure.Arn);
    }

    [Fact]
    public async Task HandleAsync_IncludeTags_ReturnsTags()
    {
        var arn = await RunOneAsync([new Tag { Key = "k", Value = "v" }]);

        var task = Assert.Single((await DescribeAsync([arn], ["TAGS"])).Tasks!);

        Assert.Equal("v", Assert.Single(task.Tags!).Value);
    }

    [Fact]
    public async Task HandleAsync_UnknownInclude_InvalidParameter()
    {
        var arn = await RunOneAsync();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => DescribeAsync([arn], ["LABELS"]).AsTask());

        Assert.Equal("InvalidParameterException", error.Code);
    }

    [Fact]
    public async Task HandleAsync_NoTasks_InvalidParameter()
    {
        await RunOneAsync();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => DescribeAsync([]).AsTask());

        Assert.Equal("InvalidParameterException", error.Code);
    }

    [Fact]
    public async Task HandleAsync_MoreThan100_InvalidParameter()
    {
        await RunOneAsync();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            DescribeAsync(Enumerable.Range(0, 101).Select(i => i.ToString("x32", System.Globalization.CultureInfo.InvariantCulture)).ToList()).AsTask());

        Assert.Equal("InvalidParameterException", error.Code);
    }

    [Fact]
    public async Task HandleAsync_UnknownCluster_ClusterNotFound()
    {
        await RunOneAsync();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            bed.DescribeTasks.HandleAsync(new DescribeTasksRequest { Cluster = "nope", Tasks = [new string('a', 32)] }, TaskTestBed.Context, CancellationToken.None).AsTask());

        Assert.Equal("ClusterNotFoundException", error.Code);
    }

    [Fact]
    public async Task HandleAsync_AttachedAwsvpcTask_EniAttachmentAndContainerInterfaces()
    {
        await bed.ClusterAsync();
        await bed.DefinitionAsync(configure: d => d.NetworkMode = "awsvpc", containers: TaskTestBed.Web(hostPort: null));
        await bed.InstanceAsync();
        var subnet = Wharf.Server.Ec2.DefaultNetwork.SubnetId("us-east-1a");
        var arn = (await bed.RunAsync(new RunTaskRequest
        {
            TaskDefinition = "web",
            NetworkConfiguration = new NetworkConfiguration { AwsvpcConfiguration = new AwsVpcConfiguration { Subnets = [subnet] } },
        })).Tasks![0].TaskArn!;
        await bed.UpdateTaskAsync(arn, t => t with
        {
            LastStatus = "RUNNING",
            NetworkInterface = t.NetworkInterface! with { Status = "ATTACHED", PrivateIpv4Address = "172.31.0.5", MacAddress = "0a:58:ac:1f:00:05" },
            Containers = [t.Containers[0] with { LastStatus = "RUNNING", NetworkBindings = [new NetworkBindingRecord("0.0.0.0", 80, 80, "tcp")] }],
        });
        var eni = (await bed.TasksAsync()).Single().NetworkInterface!;

        var task = Assert.Single((await DescribeAsync([arn])).Tasks!);

        var attachment = Assert.Single(task.Attachments!);
        Assert.Equal(eni.AttachmentId, attachment.Id);
        Assert.Equal("ElasticNetworkInterface", attachment.Type);
        Assert.Equal("ATTACHED", attachment.Status);
        Assert.Equal(
            [
                ("subnetId", subnet),
                ("networkInterfaceId", eni.NetworkInterfaceId),
                ("macAddress", "0a:58:ac:1f:00:05"),
                ("privateDnsName", "ip-172-31-0-5.ec2.internal"),
                ("privateIPv4Address", "172.31.0.5"),
            ],
            attachment.Details!.Select(d => (d.Name, d.Value)));
        var container = Assert.Single(task.Containers!);
        Assert.Empty(container.NetworkBindings!);
        var nic = Assert.Single(container.NetworkInterfaces!);
        Assert.Equal(eni.AttachmentId, nic.AttachmentId);
        Assert.Equal("172.31.0.5", nic.PrivateIpv4Address);
    }

    [Theory]
    [InlineData("us-east-1", "ip-10-0-1-2.ec2.internal")]
    [InlineData("eu-west-3", "ip-10-0-1-2.eu-west-3.compute.internal")]
    public void PrivateDnsName_AsEc2NamesIt(string region, string expected)
    {
        Assert.Equal(expected, Wharf.Server.Ec2.DefaultNetwork.PrivateDnsName("10.0.1.2", region));
    }
}
