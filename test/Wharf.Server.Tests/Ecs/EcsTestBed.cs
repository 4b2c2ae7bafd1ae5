using System.Net.WebSockets;
using Microsoft.Extensions.Time.Testing;
using Wharf.Core.Arns;
using Wharf.Core.Model;
using Wharf.Protocol.Errors;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.AgentChannel;
using Wharf.Server.Api;
using Wharf.Server.Ecs.Attributes;
using Wharf.Server.Ecs.Clusters;
using Wharf.Server.Ecs.Common;
using Wharf.Server.Ecs.ContainerInstances;
using Wharf.Server.Ecs.Tagging;
using Wharf.Server.Ecs.TaskDefinitions;
using Wharf.Server.State;
using Wharf.Server.Tests.Fakes;
using Xunit;
using Task = System.Threading.Tasks.Task;

namespace Wharf.Server.Tests.Ecs;

/// <summary>
/// The cluster, task definition, container instance, tagging and attribute handlers wired over an
/// in-memory store, with helpers that put instances and tasks straight into it.
/// </summary>
internal sealed class EcsTestBed
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    public static readonly OperationContext Context = new("request-1", "AKIDEXAMPLE", "us-east-1");
    public const string Prefix = "arn:aws:ecs:us-east-1:000000000000:";

    private int nextId;

    public EcsTestBed()
    {
        State = new StateRepository(Store);
        Names = new Wharf.Server.State.ResourceNames(new WharfServerOptions { DataDirectory = "/nonexistent" });
        Parser = new ArnParser(AccountContext.Default);
        Clusters = new ClusterResolver(State, Parser);
        Definitions = new TaskDefinitionResolver(State, Parser);
        Tags = new ResourceTags(State);
        Instances = new ContainerInstanceResolver(State, Parser, Names);
        Mapper = new ContainerInstanceMapper(Agents);
        var view = new ClusterView(new ClusterCounter(State), Tags);
        var targets = new AttributeTargetGroups(Instances);
        var taggable = new TaggableResources(State, Parser, Names);

        CreateCluster = new CreateClusterHandler(State, Names, Time, view);
        DescribeClusters = new DescribeClustersHandler(Clusters, Names, view);
        ListClusters = new ListClustersHandler(State);
        DeleteCluster = new DeleteClusterHandler(State, Clusters, new ClusterCounter(State), view);
        UpdateCluster = new UpdateClusterHandler(State, Clusters, view);
        UpdateClusterSettings = new UpdateClusterSettingsHandler(State, Clusters, view);
        PutClusterCapacityProviders = new PutClusterCapacityProvidersHandler(State, Clusters, view);

        RegisterTaskDefinition = new RegisterTaskDefinitionHandler(State, Names, Time);
        DescribeTaskDefinition = new DescribeTaskDefinitionHandler(Definitions, Tags);
        ListTaskDefinitions = new ListTaskDefinitionsHandler(State);
        ListTaskDefinitionFamilies = new ListTaskDefinitionFamiliesHandler(State);
        DeregisterTaskDefinition = new DeregisterTaskDefinitionHandler(State, Definitions, Time);
        DeleteTaskDefinitions = new DeleteTaskDefinitionsHandler(State, Definitions, Time);

        RegisterContainerInstance = new RegisterContainerInstanceHandler(State, Clusters, Instances, Mapper, Names, Time);
        DeregisterContainerInstance = new DeregisterContainerInstanceHandler(State, Clusters, Instances, Mapper);
        DescribeContainerInstances = new DescribeContainerInstancesHandler(Clusters, Instances, Mapper, Tags);
        ListContainerInstances = new ListContainerInstancesHandler(State, Clusters, Instances, Agents);
        UpdateContainerInstancesState = new UpdateContainerInstancesStateHandler(State, Clusters, Instances, Mapper);

        TagResource = new TagResourceHandler(State, taggable, Tags);
        UntagResource = new UntagResourceHandler(State, taggable, Tags);
        ListTagsForResource = new ListTagsForResourceHandler(taggable, Tags);

        PutAttributes = new PutAttributesHandler(State, Clusters, targets);
        DeleteAttributes = new DeleteAttributesHandler(State, Clusters, targets);
        ListAttributes = new ListAttributesHandler(State, Clusters);
    }

    public InMemoryStateStore Store { get; } = new();
    public StateRepository State { get; }
    public Wharf.Server.State.ResourceNames Names { get; }
    public ArnParser Parser { get; }
    public FakeTimeProvider Time { get; } = new(Start);
    public AgentRegistry Agents { get; } = new();
    public ClusterResolver Clusters { get; }
    public TaskDefinitionResolver Definitions { get; }
    public ResourceTags Tags { get; }
    public ContainerInstanceResolver Instances { get; }
    public ContainerInstanceMapper Mapper { get; }

    public CreateClusterHandler CreateCluster { get; }
    public DescribeClustersHandler DescribeClusters { get; }
    public ListClustersHandler ListClusters { get; }
    public DeleteClusterHandler DeleteCluster { get; }
    public UpdateClusterHandler UpdateCluster { get; }
    public UpdateClusterSettingsHandler UpdateClusterSettings { get; }
    public PutClusterCapacityProvidersHandler PutClusterCapacityProviders { get; }
    public RegisterTaskDefinitionHandler RegisterTaskDefinition { get; }
    public DescribeTaskDefinitionHandler DescribeTaskDefinition { get; }
    public ListTaskDefinitionsHandler ListTaskDefinitions { get; }
    public ListTaskDefinitionFamiliesHandler ListTaskDefinitionFamilies { get; }
    public DeregisterTaskDefinitionHandler DeregisterTaskDefinition { get; }
    public DeleteTaskDefinitionsHandler DeleteTaskDefinitions { get; }
    public RegisterContainerInstanceHandler RegisterContainerInstance { get; }
    public DeregisterContainerInstanceHandler DeregisterContainerInstance { get; }
    public DescribeContainerInstancesHandler DescribeContainerInstances { get; }
    public ListContainerInstancesHandler ListContainerInstances { get; }
    public UpdateContainerInstancesStateHandler UpdateContainerInstancesState { get; }
    public TagResourceHandler TagResource { get; }
    public UntagResourceHandler UntagResource { get; }
    public ListTagsForResourceHandler ListTagsForResource { get; }
    public PutAttributesHandler PutAttributes { get; }
    public DeleteAttributesHandler DeleteAttributes { get; }
    public ListAttributesHandler ListAttributes { get; }

    /// <summary>Runs a handler call that must fail and returns the error.</summary>
    public static async Task<AwsServiceException> FailsAsync(Func<Task> call) => await Assert.ThrowsAsync<AwsServiceException>(call);

    public async Task<Cluster> CreateClusterAsync(string name = "default", List<Tag>? tags = null) =>
        (await CreateCluster.HandleAsync(new CreateClusterRequest { ClusterName = name, Tags = tags }, Context, default)).Cluster!;

    /// <summary>A valid one-container web definition (bridge, dynamic host port).</summary>
    public static RegisterTaskDefinitionRequest WebDefinition(string family = "web") => new()
    {
        Family = family,
        ContainerDefinitions =
        [
            new ContainerDefinition
            {
                Name = "web",
                Image = "wharf/web:latest",
                Cpu = 128,
                Memory = 128,
                PortMappings = [new PortMapping { ContainerPort = 80, HostPort = 0 }],
                Environment = [new Protocol.Generated.Ecs.KeyValuePair { Name = "GREETING", Value = "hi" }],
                DockerLabels = new Dictionary<string, string> { ["app"] = "web" },
            },
        ],
    };

    public async Task<TaskDefinition> RegisterAsync(RegisterTaskDefinitionRequest? request = null) =>
        (await RegisterTaskDefinition.HandleAsync(request ?? WebDefinition(), Context, default)).TaskDefinition!;

    /// <summary>Puts an ACTIVE instance into a cluster as the agent registrar would.</summary>
    public async Task<ContainerInstanceRecord> AddInstanceAsync(
        string clusterName = "default", int cpu = 2048, int memory = 4096, string zone = "us-east-1a", string status = "ACTIVE")
    {
        var id = NextHexId();
        var record = new ContainerInstanceRecord
        {
            Arn = Names.ContainerInstance(clusterName, id),
            Id = id,
            ClusterArn = Names.Cluster(clusterName),
            Ec2InstanceId = "i-" + id[..17],
            Status = status,
            AgentConnected = true,
            RegisteredAt = Time.GetUtcNow(),
            AgentVersion = "1.0.0",
            DockerVersion = "20.10.24",
            RegisteredCpu = cpu,
            RegisteredMemory = memory,
            HostReservedPorts = ["22/tcp", "2375/tcp"],
            Attributes = [new AttributeRecord("ecs.availability-zone", zone), new AttributeRecord("ecs.os-type", "linux")],
        };
        var write = State.Begin();
        write.Put(StateKinds.ContainerInstance, record.Arn, record.ClusterArn, record, 0);
        await write.CommitAsync(default);
        return record;
    }

    /// <summary>Attaches an agent session for the instance, as a connected agent would.</summary>
    public void ConnectAgent(ContainerInstanceRecord instance) =>
        Agents.Attach(new AgentSession(
            WebSocket.CreateFromStream(new MemoryStream(), new WebSocketCreationOptions()), instance.Arn, instance.ClusterArn, Time));

    /// <summary>Puts a task straight into the store.</summary>
    public async Task<TaskRecord> AddTaskAsync(
        string clusterName, string? instanceArn, string lastStatus = "RUNNING", int cpu = 256, int memory = 512, params string[] ports)
    {
        var id = NextHexId();
        var record = new TaskRecord
        {
            Arn = Names.Task(clusterName, id),
            Id = id,
            ClusterArn = Names.Cluster(clusterName),
            TaskDefinitionArn = Names.TaskDefinition("web", 1),
            Family = "web",
            Revision = 1,
            ContainerInstanceArn = instanceArn,
            LastStatus = lastStatus,
            DesiredStatus = lastStatus == "STOPPED" ? "STOPPED" : "RUNNING",
            ReservedCpu = cpu,
            ReservedMemory = memory,
            ReservedPorts = ports,
            CreatedAt = Time.GetUtcNow(),
            Containers = [],
        };
        var write = State.Begin();
        write.Put(StateKinds.Task, record.Arn, record.ClusterArn, record, 0);
        await write.CommitAsync(default);
        return record;
    }

    /// <summary>Puts a service document into the store (its record belongs to the service scheduler).</summary>
    public async Task AddServiceAsync(string clusterName, string name, string status = "ACTIVE")
    {
        var arn = Names.Service(clusterName, name);
        var write = State.Begin();
        write.Put(StateKinds.Service, arn, Names.Cluster(clusterName), new { arn, name, status }, 0);
        await write.CommitAsync(default);
    }

    private string NextHexId() => (++nextId).ToString("x32", System.Globalization.CultureInfo.InvariantCulture);
}
