using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Wharf.Core.Arns;
using Wharf.Core.Model;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Protocol.Json;
using Wharf.Server.AgentChannel;
using Wharf.Server.Api;
using Wharf.Server.Ecs.Common;
using Wharf.Server.Ecs.Tasks;
using Wharf.Server.Placement;
using Wharf.Server.State;
using Wharf.Server.Tests.Fakes;
using Task = System.Threading.Tasks.Task;

namespace Wharf.Server.Tests.Ecs.Tasks;

/// <summary>The task handlers wired over an in-memory store, with helpers to put clusters, instances and definitions in it.</summary>
internal sealed class TaskTestBed
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    public static readonly OperationContext Context = new("request-1", "AKIDEXAMPLE", "us-east-1");

    private int nextGuid;

    public TaskTestBed()
    {
        Store = new InMemoryStateStore();
        State = new StateRepository(Store);
        Parser = new ArnParser(AccountContext.Default);
        Arns = new ArnFormatter(AccountContext.Default);
        Ids = new EcsIdGenerator(() => new Guid(++nextGuid, 0, 0, new byte[8]));
        var clusters = new ClusterResolver(State, Parser);
        var definitions = new TaskDefinitionResolver(State, Parser);
        var tags = new ResourceTags(State);
        Snapshots = new ClusterSnapshotBuilder(State, Agents, new Wharf.Server.State.ResourceNames(new WharfServerOptions { DataDirectory = "/nonexistent" }));
        Committer = new PlacementCommitter(State, Snapshots);
        Network = new Wharf.Server.Ec2.DefaultNetwork(State, new WharfServerOptions { DataDirectory = "/nonexistent" });
        Networks = new AwsvpcNetworks(Network);
        var launcher = new TaskLauncher(clusters, definitions, tags, Networks, Arns, Ids);
        var views = new TaskViews(State, tags);
        RunTask = new RunTaskHandler(launcher, Committer, State, views, Time, new Random(7));
        StartTask = new StartTaskHandler(launcher, Committer, Parser, Arns, Time);
        StopTask = new StopTaskHandler(clusters, Parser, Arns, State, views, Time);
        DescribeTasks = new DescribeTasksHandler(clusters, Parser, Arns, State, views);
        ListTasks = new ListTasksHandler(clusters, Parser, Arns, State);
    }

    public InMemoryStateStore Store { get; }
    public StateRepository State { get; }
    public ArnParser Parser { get; }
    public ArnFormatter Arns { get; }
    public EcsIdGenerator Ids { get; }
    public FakeTimeProvider Time { get; } = new(Start);
    public AgentRegistry Agents { get; } = new();
    public ClusterSnapshotBuilder Snapshots { get; }
    public Wharf.Server.Ec2.DefaultNetwork Network { get; }
    public AwsvpcNetworks Networks { get; }
    public PlacementCommitter Committer { get; }
    public RunTaskHandler RunTask { get; }
    public StartTaskHandler StartTask { get; }
    public StopTaskHandler StopTask { get; }
    public DescribeTasksHandler DescribeTasks { get; }
    public ListTasksHandler ListTasks { get; }

    public async Task<ClusterRecord> ClusterAsync(string name = "default", string status = "ACTIVE")
    {
        var cluster = new ClusterRecord { Name = name, Arn = Arns.ClusterArn(name), Status = status, CreatedAt = Start };
        await PutAsync(StateKinds.Cluster, name, "", cluster);
        return cluster;
    }

    /// <summary>
    /// Associates <paramref name="providers"/> with the <c>default</c> cluster, as
    /// PutClusterCapacityProviders does, with <paramref name="defaultProvider"/> (weight 1) as its
    /// default strategy when given.
    /// </summary>
    public async Task AssociateAsync(string[] providers, string? defaultProvider = null)
    {
        var cluster = (await State.GetAsync<ClusterRecord>(StateKinds.Cluster, "default", CancellationToken.None))!;
        var write = State.Begin();
        write.Put(StateKinds.Cluster, "default", "", cluster.Value with
        {
            CapacityProviders = providers,
            DefaultCapacityProviderStrategy = defaultProvider is null
                ? cluster.Value.DefaultCapacityProviderStrategy
                : [new System.Text.Json.Nodes.JsonObject { ["capacityProvider"] = defaultProvider, ["weight"] = 1 }],
        }, cluster.Version);
        await write.CommitAsync(CancellationToken.None);
    }

    public async Task<ContainerInstanceRecord> InstanceAsync(
        string cluster = "default",
        int cpu = 2048,
        int memory = 4096,
        bool connected = true,
        string status = "ACTIVE",
        string zone = "us-east-1a",
        IReadOnlyList<string>? reservedPorts = null,
        IReadOnlyList<AttributeRecord>? attributes = null)
    {
        var id = Guid.NewGuid().ToString("N");
        var instance = new ContainerInstanceRecord
        {
            Arn = Arns.ContainerInstanceArn(cluster, id),
            Id = id,
            ClusterArn = Arns.ClusterArn(cluster),
            Ec2InstanceId = "i-" + id[..17],
            Status = status,
            AgentConnected = connected,
            RegisteredAt = Start,
            AgentVersion = "1.0.0",
            DockerVersion = "20.10.24",
            RegisteredCpu = cpu,
            RegisteredMemory = memory,
            HostReservedPorts = reservedPorts ?? ["22/tcp"],
            Attributes = attributes ?? [new("ecs.availability-zone", zone), new("ecs.cpu-architecture", "x86_64"), new("ecs.os-type", "linux")],
        };
        await PutAsync(StateKinds.ContainerInstance, instance.Arn, instance.ClusterArn, instance);
        if (connected)
        {
            Agents.Attach(new AgentSession(WebSocket.CreateFromStream(new MemoryStream(), true, null, TimeSpan.Zero), instance.Arn, instance.ClusterArn, Time));
        }

        return instance;
    }

    /// <summary>A web container: 256 CPU, 512 MiB, port 80 dynamically mapped unless <paramref name="hostPort"/> is given.</summary>
    public static ContainerDefinition Web(string name = "web", int? cpu = 256, int? memory = 512, int? reservation = null, int? hostPort = 0) => new()
    {
        Name = name,
        Image = "wharf/web:latest",
        Cpu = cpu,
        Memory = memory,
        MemoryReservation = reservation,
        Essential = true,
        PortMappings = hostPort is null ? [] : [new PortMapping { ContainerPort = 80, HostPort = hostPort, Protocol = "tcp" }],
    };

    public async Task<TaskDefinitionRecord> DefinitionAsync(
        string family = "web",
        int revision = 1,
        string status = "ACTIVE",
        Action<TaskDefinition>? configure = null,
        params ContainerDefinition[] containers)
    {
        var arn = Arns.TaskDefinitionArn(family, revision);
        var definition = new TaskDefinition
        {
            TaskDefinitionArn = arn,
            Family = family,
            Revision = revision,
            Status = status,
            NetworkMode = "bridge",
            ContainerDefinitions = containers.Length == 0 ? [Web()] : [.. containers],
            Compatibilities = ["EC2", "EXTERNAL"],
            RequiresAttributes = [],
            PlacementConstraints = [],
            RegisteredAt = Start,
        };
        configure?.Invoke(definition);
        var record = new TaskDefinitionRecord
        {
            Family = family,
            Revision = revision,
            Arn = arn,
            Status = status,
            RegisteredAt = Start,
            Definition = JsonSerializer.Serialize(definition, AwsJson.Options),
        };
        await PutAsync(StateKinds.TaskDefinition, TaskDefinitionRecord.KeyFor(family, revision), family, record);
        return record;
    }

    public async Task PutAsync<T>(string kind, string key, string partition, T value)
    {
        var existing = await Store.GetAsync(kind, key, CancellationToken.None);
        var write = State.Begin();
        write.Put(kind, key, partition, value, existing?.Version ?? 0);
        await write.CommitAsync(CancellationToken.None);
    }

    public async Task<Versioned<T>> GetAsync<T>(string kind, string key) =>
        await State.GetAsync<T>(kind, key, CancellationToken.None) ?? throw new InvalidOperationException($"No {kind} {key}.");

    public async Task<IReadOnlyList<TaskRecord>> TasksAsync(string cluster = "default") =>
        (await State.ListAsync<TaskRecord>(StateKinds.Task, Arns.ClusterArn(cluster), CancellationToken.None)).Select(t => t.Value).ToList();

    public async Task<RunTaskResponse> RunAsync(RunTaskRequest request) =>
        await RunTask.HandleAsync(request, Context, CancellationToken.None);

    /// <summary>Rewrites a stored task (as an agent report or a test scenario would).</summary>
    public async Task UpdateTaskAsync(string taskArn, Func<TaskRecord, TaskRecord> change)
    {
        var task = await GetAsync<TaskRecord>(StateKinds.Task, taskArn);
        var write = State.Begin();
        write.Put(StateKinds.Task, taskArn, task.Value.ClusterArn, change(task.Value), task.Version);
        await write.CommitAsync(CancellationToken.None);
    }
}
