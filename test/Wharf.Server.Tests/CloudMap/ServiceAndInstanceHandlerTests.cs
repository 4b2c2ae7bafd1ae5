using Wharf.Protocol.Generated.ServiceDiscovery;
using Xunit;
using static Wharf.Server.Tests.CloudMap.CloudMapTestBed;

namespace Wharf.Server.Tests.CloudMap;

public sealed class ServiceAndInstanceHandlerTests
{
    private readonly CloudMapTestBed bed = new();

    [Fact]
    public async Task CreateService_DnsConfig_DnsHttpServiceWithRecords()
    {
        var ns = await bed.NamespaceAsync();

        var service = await bed.ServiceAsync(ns, "redis", false, new DnsRecord { Type = "A", TTL = 30 }, new DnsRecord { Type = "SRV", TTL = 30 });

        Assert.Matches("^srv-[a-z2-7]{16}$", service.Id);
        Assert.Equal("DNS_HTTP", service.Type);
        Assert.Equal("MULTIVALUE", service.DnsConfig!.RoutingPolicy);
        Assert.Equal(["A", "SRV"], service.DnsConfig.DnsRecords!.Select(r => r.Type));
    }

    [Fact]
    public async Task CreateService_DuplicateName_ServiceAlreadyExists()
    {
        var ns = await bed.NamespaceAsync();
        await bed.ServiceAsync(ns);

        Assert.Equal("ServiceAlreadyExists", (await FailsAsync(() => bed.ServiceAsync(ns))).Code);
    }

    [Fact]
    public async Task CreateService_CnameWithMultivalue_InvalidInput()
    {
        var ns = await bed.NamespaceAsync();

        var error = await FailsAsync(() => bed.ServiceAsync(ns, "c", false, new DnsRecord { Type = "CNAME", TTL = 30 }));

        Assert.Equal("InvalidInput", error.Code);
    }

    [Fact]
    public async Task CreateService_UnknownNamespace_NamespaceNotFound()
    {
        Assert.Equal("NamespaceNotFound", (await FailsAsync(() => bed.ServiceAsync("ns-missing"))).Code);
    }

    [Fact]
    public async Task RegisterInstance_ARecordWithoutIpv4_InvalidInput()
    {
        var service = await bed.ServiceAsync(await bed.NamespaceAsync());

        var error = await FailsAsync(() => bed.RegisterAsync(service.Id!, "i-1", ("AWS_INSTANCE_PORT", "80")));

        Assert.Equal("InvalidInput", error.Code);
    }

    [Fact]
    public async Task RegisterInstance_BadAddress_InvalidInput()
    {
        var service = await bed.ServiceAsync(await bed.NamespaceAsync());

        Assert.Equal("InvalidInput", (await FailsAsync(() => bed.RegisterAsync(service.Id!, "i-1", ("AWS_INSTANCE_IPV4", "10.0.0")))).Code);
    }

    [Fact]
    public async Task RegisterInstance_Valid_ListedDiscoveredAndCounted()
    {
        var service = await bed.ServiceAsync(await bed.NamespaceAsync());

        var registered = await bed.RegisterAsync(service.Id!, "i-1", ("AWS_INSTANCE_IPV4", "10.0.0.1"), ("color", "blue"));
        await bed.RegisterAsync(service.Id!, "i-2", ("AWS_INSTANCE_IPV4", "10.0.0.2"), ("color", "green"));

        var operation = (await bed.GetOperation.HandleAsync(new GetOperationRequest { OperationId = registered.OperationId }, Context, default)).Operation!;
        Assert.Equal("REGISTER_INSTANCE", operation.Type);
        Assert.Equal("i-1", operation.Targets!["INSTANCE"]);
        var listed = await bed.ListInstances.HandleAsync(new ListInstancesRequest { ServiceId = service.Id }, Context, default);
        Assert.Equal(["i-1", "i-2"], listed.Instances!.Select(i => i.Id));
        var got = await bed.GetService.HandleAsync(new GetServiceRequest { Id = service.Id }, Context, default);
        Assert.Equal(2, got.Service!.InstanceCount);

        var discovered = await bed.Discover.HandleAsync(new DiscoverInstancesRequest
        {
            NamespaceName = "internal-bookingapp.com",
            ServiceName = "redis",
            QueryParameters = new Dictionary<string, string> { ["color"] = "green" },
        }, Context, default);
        var only = Assert.Single(discovered.Instances!);
        Assert.Equal("i-2", only.InstanceId);
        Assert.Equal("UNKNOWN", only.HealthStatus);
    }

    [Fact]
    public async Task DiscoverInstances_OptionalParametersMatchingNothing_Ignored()
    {
        var service = await bed.ServiceAsync(await bed.NamespaceAsync());
        await bed.RegisterAsync(service.Id!, "i-1", ("AWS_INSTANCE_IPV4", "10.0.0.1"));

        var discovered = await bed.Discover.HandleAsync(new DiscoverInstancesRequest
        {
            NamespaceName = "internal-bookingapp.com",
            ServiceName = "redis",
            OptionalParameters = new Dictionary<string, string> { ["zone"] = "b" },
        }, Context, default);

        Assert.Single(discovered.Instances!);
    }

    [Fact]
    public async Task UpdateInstanceCustomHealthStatus_Unhealthy_FilteredFromHealthyDiscovery()
    {
        var service = await bed.ServiceAsync(await bed.NamespaceAsync(), "redis", custom: true);
        await bed.RegisterAsync(service.Id!, "i-1", ("AWS_INSTANCE_IPV4", "10.0.0.1"));
        await bed.RegisterAsync(service.Id!, "i-2", ("AWS_INSTANCE_IPV4", "10.0.0.2"));

        await bed.UpdateHealth.HandleAsync(new UpdateInstanceCustomHealthStatusRequest { ServiceId = service.Id, InstanceId = "i-1", Status = "UNHEALTHY" }, Context, default);

        var health = await bed.Health.HandleAsync(new GetInstancesHealthStatusRequest { ServiceId = service.Id }, Context, default);
        Assert.Equal("UNHEALTHY", health.Status!["i-1"]);
        Assert.Equal("HEALTHY", health.Status["i-2"]);
        var healthy = await bed.Discover.HandleAsync(new DiscoverInstancesRequest { NamespaceName = "internal-bookingapp.com", ServiceName = "redis" }, Context, default);
        Assert.Equal(["i-2"], healthy.Instances!.Select(i => i.InstanceId));
        var all = await bed.Discover.HandleAsync(new DiscoverInstancesRequest { NamespaceName = "internal-bookingapp.com", ServiceName = "redis", HealthStatus = "ALL" }, Context, default);
        Assert.Equal(2, all.Instances!.Count);
    }

    [Fact]
    public async Task UpdateInstanceCustomHealthStatus_NoCustomConfig_CustomHealthNotFound()
    {
        var service = await bed.ServiceAsync(await bed.NamespaceAsync());
        await bed.RegisterAsync(service.Id!, "i-1", ("AWS_INSTANCE_IPV4", "10.0.0.1"));

        var error = await FailsAsync(async () => await bed.UpdateHealth.HandleAsync(
            new UpdateInstanceCustomHealthStatusRequest { ServiceId = service.Id, InstanceId = "i-1", Status = "HEALTHY" }, Context, default));

        Assert.Equal("CustomHealthNotFound", error.Code);
    }

    [Fact]
    public async Task DeregisterInstance_Unknown_InstanceNotFound()
    {
        var service = await bed.ServiceAsync(await bed.NamespaceAsync());

        var error = await FailsAsync(async () => await bed.Deregister.HandleAsync(new DeregisterInstanceRequest { ServiceId = service.Id, InstanceId = "nope" }, Context, default));

        Assert.Equal("InstanceNotFound", error.Code);
    }

    [Fact]
    public async Task DeleteService_WithInstances_ResourceInUse()
    {
        var service = await bed.ServiceAsync(await bed.NamespaceAsync());
        await bed.RegisterAsync(service.Id!, "i-1", ("AWS_INSTANCE_IPV4", "10.0.0.1"));

        var error = await FailsAsync(async () => await bed.DeleteService.HandleAsync(new DeleteServiceRequest { Id = service.Id }, Context, default));

        Assert.Equal("ResourceInUse", error.Code);
    }

    [Fact]
    public async Task UpdateService_Ttl_ChangedButTypesKept()
    {
        var service = await bed.ServiceAsync(await bed.NamespaceAsync());

        await bed.UpdateService.HandleAsync(new UpdateServiceRequest
        {
            Id = service.Id,
            Service = new ServiceChange { DnsConfig = new DnsConfigChange { DnsRecords = [new DnsRecord { Type = "A", TTL = 5 }] } },
        }, Context, default);
        var error = await FailsAsync(async () => await bed.UpdateService.HandleAsync(new UpdateServiceRequest
        {
            Id = service.Id,
            Service = new ServiceChange { DnsConfig = new DnsConfigChange { DnsRecords = [new DnsRecord { Type = "SRV", TTL = 5 }] } },
        }, Context, default));

        var got = (await bed.GetService.HandleAsync(new GetServiceRequest { Id = service.Id }, Context, default)).Service!;
        Assert.Equal(5, got.DnsConfig!.DnsRecords![0].TTL);
        Assert.Equal("InvalidInput", error.Code);
    }

    [Fact]
    public async Task TagResource_Namespace_ListedAndUntagged()
    {
        var nsId = await bed.NamespaceAsync();
        var arn = bed.Names.NamespaceArn(nsId);

        await bed.Tag.HandleAsync(new TagResourceRequest { ResourceARN = arn, Tags = [new Tag { Key = "team", Value = "booking" }, new Tag { Key = "env", Value = "dev" }] }, Context, default);
        await bed.Untag.HandleAsync(new UntagResourceRequest { ResourceARN = arn, TagKeys = ["env"] }, Context, default);

        var tags = await bed.ListTags.HandleAsync(new ListTagsForResourceRequest { ResourceARN = arn }, Context, default);
        Assert.Equal(["team"], tags.Tags!.Select(t => t.Key));
        var error = await FailsAsync(async () => await bed.ListTags.HandleAsync(new ListTagsForResourceRequest { ResourceARN = bed.Names.NamespaceArn("ns-none") }, Context, default));
        Assert.Equal("ResourceNotFoundException", error.Code);
    }

    [Fact]
    public async Task ListOperations_TypeFilter_ReturnsMatching()
    {
        var service = await bed.ServiceAsync(await bed.NamespaceAsync());
        await bed.RegisterAsync(service.Id!, "i-1", ("AWS_INSTANCE_IPV4", "10.0.0.1"));

        var ops = await bed.ListOperations.HandleAsync(new ListOperationsRequest
        {
            Filters = [new OperationFilter { Name = "TYPE", Values = ["REGISTER_INSTANCE"], Condition = "EQ" }],
        }, Context, default);

        Assert.Single(ops.Operations!);
        Assert.Equal("SUCCESS", ops.Operations![0].Status);
    }
}
