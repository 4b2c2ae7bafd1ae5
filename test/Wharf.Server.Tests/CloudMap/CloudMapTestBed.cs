using Microsoft.Extensions.Time.Testing;
using Wharf.Protocol.Errors;
using Wharf.Protocol.Generated.ServiceDiscovery;
using Wharf.Server.Api;
using Wharf.Server.CloudMap.Common;
using Wharf.Server.CloudMap.Instances;
using Wharf.Server.CloudMap.Namespaces;
using Wharf.Server.CloudMap.Operations;
using Wharf.Server.CloudMap.Services;
using Wharf.Server.CloudMap.Tagging;
using Wharf.Server.State;
using Wharf.Server.Tests.Fakes;
using Xunit;

namespace Wharf.Server.Tests.CloudMap;

/// <summary>The Cloud Map handlers wired over an in-memory store, with helpers for the common set-up.</summary>
internal sealed class CloudMapTestBed
{
    public static readonly OperationContext Context = new("request-1", "AKIDEXAMPLE", "us-east-1");

    public CloudMapTestBed()
    {
        State = new StateRepository(Store);
        Names = new CloudMapNames(new WharfServerOptions { DataDirectory = "/nonexistent" });
        var cloudMap = new CloudMapState(State);
        var operations = new CloudMapOperations(Time);
        var creator = new NamespaceCreator(State, Names, operations, Time);
        var registry = new InstanceRegistry(cloudMap, operations, Time);
        var tagged = new TaggedResources(State, Names);

        CreatePrivate = new CreatePrivateDnsNamespaceHandler(creator);
        CreateHttp = new CreateHttpNamespaceHandler(creator);
        GetNamespace = new GetNamespaceHandler(cloudMap, Names);
        ListNamespaces = new ListNamespacesHandler(cloudMap, Names);
        DeleteNamespace = new DeleteNamespaceHandler(cloudMap, operations);
        UpdatePrivate = new UpdatePrivateDnsNamespaceHandler(cloudMap, operations);
        CreateService = new CreateServiceHandler(cloudMap, Names, Time);
        GetService = new GetServiceHandler(cloudMap, Names);
        ListServices = new ListServicesHandler(cloudMap, Names);
        UpdateService = new UpdateServiceHandler(cloudMap, operations);
        DeleteService = new DeleteServiceHandler(cloudMap);
        Register = new RegisterInstanceHandler(registry);
        Deregister = new DeregisterInstanceHandler(registry);
        GetInstance = new GetInstanceHandler(cloudMap, Names);
        ListInstances = new ListInstancesHandler(cloudMap, Names);
        Discover = new DiscoverInstancesHandler(cloudMap);
        Health = new GetInstancesHealthStatusHandler(cloudMap);
        UpdateHealth = new UpdateInstanceCustomHealthStatusHandler(cloudMap);
        GetOperation = new GetOperationHandler(State, Names);
        ListOperations = new ListOperationsHandler(State);
        Tag = new TagResourceHandler(State, tagged);
        Untag = new UntagResourceHandler(State, tagged);
        ListTags = new ListTagsForResourceHandler(State, tagged);
    }

    public InMemoryStateStore Store { get; } = new();
    public StateRepository State { get; }
    public CloudMapNames Names { get; }
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    public CreatePrivateDnsNamespaceHandler CreatePrivate { get; }
    public CreateHttpNamespaceHandler CreateHttp { get; }
    public GetNamespaceHandler GetNamespace { get; }
    public ListNamespacesHandler ListNamespaces { get; }
    public DeleteNamespaceHandler DeleteNamespace { get; }
    public UpdatePrivateDnsNamespaceHandler UpdatePrivate { get; }
    public CreateServiceHandler CreateService { get; }
    public GetServiceHandler GetService { get; }
    public ListServicesHandler ListServices { get; }
    public UpdateServiceHandler UpdateService { get; }
    public DeleteServiceHandler DeleteService { get; }
    public RegisterInstanceHandler Register { get; }
    public DeregisterInstanceHandler Deregister { get; }
    public GetInstanceHandler GetInstance { get; }
    public ListInstancesHandler ListInstances { get; }
    public DiscoverInstancesHandler Discover { get; }
    public GetInstancesHealthStatusHandler Health { get; }
    public UpdateInstanceCustomHealthStatusHandler UpdateHealth { get; }
    public GetOperationHandler GetOperation { get; }
    public ListOperationsHandler ListOperations { get; }
    public TagResourceHandler Tag { get; }
    public UntagResourceHandler Untag { get; }
    public ListTagsForResourceHandler ListTags { get; }

    public static async Task<AwsServiceException> FailsAsync(Func<Task> call) => await Assert.ThrowsAsync<AwsServiceException>(call);

    /// <summary>Creates a private DNS namespace and returns its id (from the operation's targets).</summary>
    public async Task<string> NamespaceAsync(string name = "internal-bookingapp.com", string? creatorRequestId = null)
    {
        var created = await CreatePrivate.HandleAsync(new CreatePrivateDnsNamespaceRequest { Name = name, Vpc = "vpc-1", CreatorRequestId = creatorRequestId }, Context, default);
        var operation = await GetOperation.HandleAsync(new GetOperationRequest { OperationId = created.OperationId }, Context, default);
        return operation.Operation!.Targets!["NAMESPACE"];
    }

    public async Task<Service> ServiceAsync(string namespaceId, string name = "redis", bool custom = false, params DnsRecord[] records) =>
        (await CreateService.HandleAsync(new CreateServiceRequest
        {
            Name = name,
            NamespaceId = namespaceId,
            DnsConfig = new DnsConfig { RoutingPolicy = "MULTIVALUE", DnsRecords = records.Length == 0 ? [new DnsRecord { Type = "A", TTL = 30 }] : [.. records] },
            HealthCheckCustomConfig = custom ? new HealthCheckCustomConfig { FailureThreshold = 1 } : null,
        }, Context, default)).Service!;

    public Task<RegisterInstanceResponse> RegisterAsync(string serviceId, string instanceId, params (string Key, string Value)[] attributes) =>
        Register.HandleAsync(new RegisterInstanceRequest
        {
            ServiceId = serviceId,
            InstanceId = instanceId,
            Attributes = attributes.ToDictionary(a => a.Key, a => a.Value),
        }, Context, default).AsTask();
}
