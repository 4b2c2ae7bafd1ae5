using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Wharf.Protocol.Generated.ServiceDiscovery;
using Wharf.Server.Api;
using Wharf.Server.CloudMap.Common;
using Wharf.Server.CloudMap.Dns;
using Wharf.Server.CloudMap.Instances;
using Wharf.Server.CloudMap.Namespaces;
using Wharf.Server.CloudMap.Operations;
using Wharf.Server.CloudMap.Services;
using Wharf.Server.CloudMap.Tagging;

namespace Wharf.Server.CloudMap;

/// <summary>Registers the Cloud Map (servicediscovery) operations Wharf serves, and their helpers.</summary>
internal static class CloudMapApi
{
    public const string Service = "servicediscovery";

    public static void Register(AwsApiBuilder api)
    {
        var services = api.Services;
        services.TryAddSingleton<CloudMapNames>();
        services.TryAddSingleton<CloudMapState>();
        services.TryAddSingleton<CloudMapOperations>();
        services.TryAddSingleton<NamespaceCreator>();
        services.TryAddSingleton<InstanceRegistry>();
        services.TryAddSingleton<TaggedResources>();
        services.TryAddSingleton(_ => DnsHostOptions.FromEnvironment());
        services.TryAddSingleton<ContainerDnsServers>();
        services.AddHostedService<DnsHostService>();

        api.Add<CreatePrivateDnsNamespaceHandler, CreatePrivateDnsNamespaceRequest, CreatePrivateDnsNamespaceResponse>(Service, "CreatePrivateDnsNamespace")
            .Add<CreatePublicDnsNamespaceHandler, CreatePublicDnsNamespaceRequest, CreatePublicDnsNamespaceResponse>(Service, "CreatePublicDnsNamespace")
            .Add<CreateHttpNamespaceHandler, CreateHttpNamespaceRequest, CreateHttpNamespaceResponse>(Service, "CreateHttpNamespace")
            .Add<GetNamespaceHandler, GetNamespaceRequest, GetNamespaceResponse>(Service, "GetNamespace")
            .Add<ListNamespacesHandler, ListNamespacesRequest, ListNamespacesResponse>(Service, "ListNamespaces")
            .Add<DeleteNamespaceHandler, DeleteNamespaceRequest, DeleteNamespaceResponse>(Service, "DeleteNamespace")
            .Add<UpdatePrivateDnsNamespaceHandler, UpdatePrivateDnsNamespaceRequest, UpdatePrivateDnsNamespaceResponse>(Service, "UpdatePrivateDnsNamespace")
            .Add<CreateServiceHandler, CreateServiceRequest, CreateServiceResponse>(Service, "CreateService")
            .Add<GetServiceHandler, GetServiceRequest, GetServiceResponse>(Service, "GetService")
            .Add<ListServicesHandler, ListServicesRequest, ListServicesResponse>(Service, "ListServices")
            .Add<UpdateServiceHandler, UpdateServiceRequest, UpdateServiceResponse>(Service, "UpdateService")
            .Add<DeleteServiceHandler, DeleteServiceRequest, DeleteServiceResponse>(Service, "DeleteService")
            .Add<RegisterInstanceHandler, RegisterInstanceRequest, RegisterInstanceResponse>(Service, "RegisterInstance")
            .Add<DeregisterInstanceHandler, DeregisterInstanceRequest, DeregisterInstanceResponse>(Service, "DeregisterInstance")
            .Add<GetInstanceHandler, GetInstanceRequest, GetInstanceResponse>(Service, "GetInstance")
            .Add<ListInstancesHandler, ListInstancesRequest, ListInstancesResponse>(Service, "ListInstances")
            .Add<DiscoverInstancesHandler, DiscoverInstancesRequest, DiscoverInstancesResponse>(Service, "DiscoverInstances")
            .Add<GetInstancesHealthStatusHandler, GetInstancesHealthStatusRequest, GetInstancesHealthStatusResponse>(Service, "GetInstancesHealthStatus")
            .Add<UpdateInstanceCustomHealthStatusHandler, UpdateInstanceCustomHealthStatusRequest, EmptyOutput>(Service, "UpdateInstanceCustomHealthStatus")
            .Add<GetOperationHandler, GetOperationRequest, GetOperationResponse>(Service, "GetOperation")
            .Add<ListOperationsHandler, ListOperationsRequest, ListOperationsResponse>(Service, "ListOperations")
            .Add<TagResourceHandler, TagResourceRequest, TagResourceResponse>(Service, "TagResource")
            .Add<UntagResourceHandler, UntagResourceRequest, UntagResourceResponse>(Service, "UntagResource")
            .Add<ListTagsForResourceHandler, ListTagsForResourceRequest, ListTagsForResourceResponse>(Service, "ListTagsForResource");
    }
}
