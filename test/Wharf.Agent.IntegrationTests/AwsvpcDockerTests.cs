using Docker.DotNet;
using Docker.DotNet.Models;
using Wharf.Agent.Docker;
using Wharf.Agent.Engine;
using Wharf.Agent.Host;
using Wharf.Protocol.AgentChannel;
using Xunit;
using TaskSpec = Wharf.Protocol.AgentChannel.TaskSpec;

namespace Wharf.Agent.IntegrationTests;

/// <summary>
/// awsvpc tasks on the real engine: the pause container on the subnet's Docker network, the task's
/// containers in its network namespace. The subnet is a fake one with a CIDR block unlikely to
/// clash with anything on the host; its network is removed after each test (the agent never does).
/// </summary>
[Collection(DockerCollection.Name)]
public sealed class AwsvpcDockerTests(DockerFixture docker) : IAsyncLifetime
{
    private const string SubnetId = "subnet-0wharfagentit0001";
    private const string SubnetCidr = "172.31.240.0/20";
    private readonly string _instanceId = AgentIdentityStore.NewInstanceId();
    private readonly string _otherInstanceId = AgentIdentityStore.NewInstanceId();

    public Task InitializeAsync() => RemoveNetworkAsync();

    public async Task DisposeAsync()
    {
        await docker.RemoveLeftoversAsync(_instanceId);
        await docker.RemoveLeftoversAsync(_otherInstanceId);
        await RemoveNetworkAsync();
    }

    [Fact]
    public async Task AwsvpcTask_TwoContainersShareOneAddressOnTheSubnet_ReachableFromEachOtherAndTheHost_NothingLeftAfterStop()
    {
        await using var engine = await RealEngine.StartAsync(docker, _instanceId, cleanupDelay: TimeSpan.Zero);
        // httpd as PID 1 has no SIGTERM handler: a short stopTimeout keeps the stop quick.
        var web = TestSpecs.Container("web", "httpd", "-f", "-p", "8080", "-h", "/www") with
        {
            StopTimeout = 1,
            PortMappings = [new PortMappingSpec { ContainerPort = 8080 }],
        };
        // Exits 0 once it fetched web's page over the loopback of the shared namespace, 1 if it never could.
        var client = TestSpecs.Container(
            "client", "sh", "-c",
            "i=0; while [ $i -lt 100 ]; do wget -q -O /tmp/page http://127.0.0.1:8080/ && grep -q 'hello from wharf' /tmp/page && exit 0; i=$((i+1)); sleep 0.2; done; exit 1") with
        {
            Essential = false,
        };
        var task = Awsvpc(TestSpecs.Task(web, client));

        engine.Engine.ApplyDesired(TestSpecs.Desired(1, task));
        var running = await engine.WaitAsync(
            task.TaskArn, r => r.LastStatus == "RUNNING" && r.NetworkInterface is not null, "the task runs with its interface", 60);
        var clientDone = await engine.WaitAsync(
            task.TaskArn, r => r.Containers.Single(c => c.Name == "client").LastStatus == "STOPPED", "the client finished", 60);

        Assert.Equal(0, clientDone.Containers.Single(c => c.Name == "client").ExitCode);
        var address = running.NetworkInterface!.PrivateIpv4Address;
        Assert.True(System.Net.IPNetwork.Parse(SubnetCidr).Contains(System.Net.IPAddress.Parse(address)), $"{address} is in {SubnetCidr}");
        Assert.Matches("^([0-9a-f]{2}:){5}[0-9a-f]{2}$", running.NetworkInterface.MacAddress);
        Assert.Equal(["web", "client"], running.Containers.Select(c => c.Name));
        Assert.All(running.Containers, c => Assert.Empty(c.NetworkBindings));
        Assert.Equal(address, running.Containers.Single(c => c.Name == "web").Ipv4Address);

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        Assert.Equal("hello from wharf\n", await Waits.RetryAsync(() => http.GetStringAsync(new Uri($"http://{address}:8080/"))));

        var network = await docker.Client.Networks.InspectNetworkAsync(SubnetNetworks.NetworkName(SubnetId));
        Assert.Equal("bridge", network.Driver);
        Assert.Equal(SubnetCidr, Assert.Single(network.IPAM.Config).Subnet);
        Assert.Equal("true", network.Labels[SubnetNetworks.ManagedLabel]);
        var pause = Assert.Single(await ListAsync(_instanceId), c => c.Labels.ContainsKey(DockerLabels.PauseContainer));
        Assert.Matches("^/ecs-agent-it-1-internalecspause-[0-9a-f]{20}$", pause.Names.Single());
        Assert.Equal(task.TaskArn, pause.Labels[DockerLabels.TaskArn]);
        var webInspect = await docker.Client.Containers.InspectContainerAsync(running.Containers.Single(c => c.Name == "web").RuntimeId!);
        Assert.Equal($"container:{pause.ID}", webInspect.HostConfig!.NetworkMode);

        engine.Engine.ApplyDesired(TestSpecs.Desired(2, task with { DesiredStatus = "STOPPED" }));
        await engine.WaitForStatusAsync(task.TaskArn, "STOPPED", 60);
        await Waits.UntilAsync(async () => (await ListAsync(_instanceId)).Count == 0, "every container of the task, pause included, is removed");
        Assert.NotNull(await docker.Client.Networks.InspectNetworkAsync(SubnetNetworks.NetworkName(SubnetId)));
    }

    [Fact]
    public async Task Restart_AwsvpcTask_AdoptedWithItsPauseContainer_StaleTaskRemovedPauseIncluded()
    {
        var task = Awsvpc(TestSpecs.Task(TestSpecs.Container("app", "sleep", "600") with { StopTimeout = 1 }));
        TaskStateReport before;
        await using (var first = await RealEngine.StartAsync(docker, _instanceId))
        {
            first.Engine.ApplyDesired(TestSpecs.Desired(1, task));
            before = await first.WaitAsync(task.TaskArn, r => r.LastStatus == "RUNNING" && r.NetworkInterface is not null, "the task runs", 60);
        }

        await using var second = await RealEngine.StartAsync(docker, _instanceId, adopt: true, cleanupDelay: TimeSpan.Zero);
        var adopted = Assert.Single(second.Engine.CurrentReports());
        Assert.Equal("RUNNING", adopted.LastStatus);
        Assert.Equal(before.NetworkInterface, adopted.NetworkInterface);
        Assert.Equal(before.Containers.Single().RuntimeId, Assert.Single(adopted.Containers).RuntimeId);
        Assert.Equal(2, (await ListAsync(_instanceId)).Count);

        second.Engine.ApplyDesired(TestSpecs.Desired(1));
        await second.WaitForStatusAsync(task.TaskArn, "STOPPED", 60);
        await Waits.UntilAsync(async () => (await ListAsync(_instanceId)).Count == 0, "the stale task's containers, pause included, are removed");
    }

    [Fact]
    public async Task TwoAgentsOnOneEngine_SameSubnetAtOnce_ShareOneNetwork()
    {
        await using var first = await RealEngine.StartAsync(docker, _instanceId);
        await using var second = await RealEngine.StartAsync(docker, _otherInstanceId);
        var one = Awsvpc(TestSpecs.Task(TestSpecs.Container("app", "sleep", "600") with { StopTimeout = 1 }));
        var two = Awsvpc(TestSpecs.Task(TestSpecs.Container("app", "sleep", "600") with { StopTimeout = 1 }));

        first.Engine.ApplyDesired(TestSpecs.Desired(1, one));
        second.Engine.ApplyDesired(TestSpecs.Desired(1, two));
        var a = await first.WaitAsync(one.TaskArn, r => r.NetworkInterface is not null, "the first task has its interface", 60);
        var b = await second.WaitAsync(two.TaskArn, r => r.NetworkInterface is not null, "the second task has its interface", 60);

        Assert.NotEqual(a.NetworkInterface!.PrivateIpv4Address, b.NetworkInterface!.PrivateIpv4Address);
        var networks = await docker.Client.Networks.ListNetworksAsync(new NetworksListParameters
        {
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["name"] = new Dictionary<string, bool> { [SubnetNetworks.NetworkName(SubnetId)] = true } },
        });
        Assert.Single(networks, n => n.Name == SubnetNetworks.NetworkName(SubnetId));
    }

    [Fact]
    public async Task PauseImageBuilder_ImageMissing_ImportsBusyboxAndTheImageSleepsAsPid1()
    {
        var image = $"wharf-agent-it/pause:{Guid.NewGuid():N}";
        using var engine = await DockerFixture.ConnectAsync();
        using var builder = new PauseImageBuilder(engine, image, PauseImageBuilder.DefaultBusyboxPath);
        try
        {
            var id = await builder.EnsureAsync(CancellationToken.None);

            Assert.StartsWith("sha256:", id);
            Assert.Equal(id, await builder.EnsureAsync(CancellationToken.None));
            var created = await docker.Client.Containers.CreateContainerAsync(new CreateContainerParameters
            {
                Image = image,
                Labels = new Dictionary<string, string> { [DockerFixture.TestLabel] = DockerFixture.TestLabelValue },
            });
            await docker.Client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters());
            await Task.Delay(500);
            var inspected = await docker.Client.Containers.InspectContainerAsync(created.ID);
            Assert.True(inspected.State!.Running, $"the pause container runs (exit {inspected.State.ExitCode}, {inspected.State.Error})");
            Assert.Equal(["/busybox", "sleep", "2147483647"], inspected.Config!.Cmd);
            await docker.Client.Containers.RemoveContainerAsync(created.ID, new ContainerRemoveParameters { Force = true });
        }
        finally
        {
            await docker.Client.Images.DeleteImageAsync(image, new ImageDeleteParameters { Force = true });
        }
    }

    [Fact]
    public async Task PauseImageBuilder_NoBusybox_FailsNamingTheImageAndBusyboxStatic()
    {
        using var engine = await DockerFixture.ConnectAsync();
        using var builder = new PauseImageBuilder(engine, $"wharf-agent-it/pause:{Guid.NewGuid():N}", "/nonexistent/busybox");

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => builder.EnsureAsync(CancellationToken.None));

        Assert.Contains("wharf-agent-it/pause:", e.Message);
        Assert.Contains("busybox-static", e.Message);
    }

    private static TaskSpec Awsvpc(TaskSpec task) => task with
    {
        NetworkMode = "awsvpc",
        Awsvpc = new AwsvpcSpec
        {
            AttachmentId = Guid.NewGuid().ToString(),
            NetworkInterfaceId = "eni-0wharfagentit0001",
            SubnetId = SubnetId,
            SubnetCidr = SubnetCidr,
        },
    };

    private async Task<IList<ContainerListResponse>> ListAsync(string instanceId) =>
        await docker.Client.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"{DockerLabels.AgentInstance}={instanceId}"] = true } },
        });

    private async Task RemoveNetworkAsync()
    {
        try
        {
            await docker.Client.Networks.DeleteNetworkAsync(SubnetNetworks.NetworkName(SubnetId));
        }
        catch (DockerNetworkNotFoundException)
        {
        }
        catch (DockerApiException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
        }
    }
}
