using Wharf.Protocol.Generated.ServiceDiscovery;
using Xunit;
using static Wharf.Server.Tests.CloudMap.CloudMapTestBed;

namespace Wharf.Server.Tests.CloudMap;

public sealed class NamespaceHandlerTests
{
    private readonly CloudMapTestBed bed = new();

    [Fact]
    public async Task CreatePrivateDnsNamespace_New_OperationSucceedsAndNamespaceDescribed()
    {
        var id = await bed.NamespaceAsync();

        var ns = (await bed.GetNamespace.HandleAsync(new GetNamespaceRequest { Id = id }, Context, default)).Namespace!;
        Assert.Matches("^ns-[a-z2-7]{16}$", id);
        Assert.Equal("internal-bookingapp.com", ns.Name);
        Assert.Equal("DNS_PRIVATE", ns.Type);
        Assert.Equal($"arn:aws:servicediscovery:us-east-1:000000000000:namespace/{id}", ns.Arn);
        Assert.Equal(15, ns.Properties!.DnsProperties!.SOA!.TTL);
        Assert.StartsWith("Z", ns.Properties.DnsProperties.HostedZoneId, StringComparison.Ordinal);
        Assert.Equal(0, ns.ServiceCount);
    }

    [Fact]
    public async Task CreatePrivateDnsNamespace_DuplicateName_NamespaceAlreadyExists()
    {
        await bed.NamespaceAsync();

        var error = await FailsAsync(() => bed.NamespaceAsync("Internal-BookingApp.com."));

        Assert.Equal("NamespaceAlreadyExists", error.Code);
    }

    [Fact]
    public async Task CreatePrivateDnsNamespace_SameCreatorRequestId_ReturnsSameOperation()
    {
        var request = new CreatePrivateDnsNamespaceRequest { Name = "a.internal", Vpc = "vpc-1", CreatorRequestId = "token-1" };
        var first = await bed.CreatePrivate.HandleAsync(request, Context, default);
        var second = await bed.CreatePrivate.HandleAsync(request, Context, default);

        Assert.Equal(first.OperationId, second.OperationId);
    }

    [Theory]
    [InlineData("-bad.internal")]
    [InlineData("a..b")]
    [InlineData("sp ace.internal")]
    public async Task CreatePrivateDnsNamespace_InvalidName_InvalidInput(string name)
    {
        var error = await FailsAsync(() => bed.NamespaceAsync(name));

        Assert.Equal("InvalidInput", error.Code);
    }

    [Fact]
    public async Task GetNamespace_Unknown_NamespaceNotFound()
    {
        var error = await FailsAsync(async () => await bed.GetNamespace.HandleAsync(new GetNamespaceRequest { Id = "ns-nope" }, Context, default));

        Assert.Equal("NamespaceNotFound", error.Code);
    }

    [Fact]
    public async Task ListNamespaces_TypeFilter_ReturnsMatchingOnly()
    {
        await bed.NamespaceAsync("a.internal");
        await bed.CreateHttp.HandleAsync(new CreateHttpNamespaceRequest { Name = "api" }, Context, default);

        var dns = await bed.ListNamespaces.HandleAsync(new ListNamespacesRequest
        {
            Filters = [new NamespaceFilter { Name = "TYPE", Values = ["DNS_PRIVATE"], Condition = "EQ" }],
        }, Context, default);
        var all = await bed.ListNamespaces.HandleAsync(new ListNamespacesRequest { MaxResults = 1 }, Context, default);

        Assert.Equal(["a.internal"], dns.Namespaces!.Select(n => n.Name));
        Assert.Single(all.Namespaces!);
        Assert.NotNull(all.NextToken);
        var next = await bed.ListNamespaces.HandleAsync(new ListNamespacesRequest { NextToken = all.NextToken }, Context, default);
        Assert.Single(next.Namespaces!);
        Assert.Null(next.NextToken);
    }

    [Fact]
    public async Task DeleteNamespace_WithService_ResourceInUse_ThenDeletedWhenEmpty()
    {
        var id = await bed.NamespaceAsync();
        var service = await bed.ServiceAsync(id);

        var error = await FailsAsync(async () => await bed.DeleteNamespace.HandleAsync(new DeleteNamespaceRequest { Id = id }, Context, default));
        Assert.Equal("ResourceInUse", error.Code);

        await bed.DeleteService.HandleAsync(new DeleteServiceRequest { Id = service.Id }, Context, default);
        var deleted = await bed.DeleteNamespace.HandleAsync(new DeleteNamespaceRequest { Id = id }, Context, default);
        var operation = (await bed.GetOperation.HandleAsync(new GetOperationRequest { OperationId = deleted.OperationId }, Context, default)).Operation!;
        Assert.Equal("DELETE_NAMESPACE", operation.Type);
        Assert.Equal("SUCCESS", operation.Status);
        Assert.Equal("NamespaceNotFound", (await FailsAsync(async () => await bed.GetNamespace.HandleAsync(new GetNamespaceRequest { Id = id }, Context, default))).Code);
    }

    [Fact]
    public async Task UpdatePrivateDnsNamespace_SoaTtlAndDescription_Stored()
    {
        var id = await bed.NamespaceAsync();

        await bed.UpdatePrivate.HandleAsync(new UpdatePrivateDnsNamespaceRequest
        {
            Id = id,
            Namespace = new PrivateDnsNamespaceChange
            {
                Description = "bookings",
                Properties = new PrivateDnsNamespacePropertiesChange { DnsProperties = new PrivateDnsPropertiesMutableChange { SOA = new SOAChange { TTL = 60 } } },
            },
        }, Context, default);

        var ns = (await bed.GetNamespace.HandleAsync(new GetNamespaceRequest { Id = id }, Context, default)).Namespace!;
        Assert.Equal("bookings", ns.Description);
        Assert.Equal(60, ns.Properties!.DnsProperties!.SOA!.TTL);
    }
}
