using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Wharf.Core.Arns;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.Api;
using Wharf.Server.ElasticLoadBalancing.Common;
using Wharf.Server.Placement;

namespace Wharf.Server.Ecs.Services;

/// <summary>Registers the service operations and what they share.</summary>
internal static class ServiceOperations
{
    public static void Register(AwsApiBuilder api)
    {
        var services = api.Services;
        services.AddPlacement();
        services.TryAddSingleton(EcsIdGenerator.Random);
        services.TryAddSingleton<ServiceResolver>();
        services.TryAddSingleton<ServiceDefinitions>();
        services.TryAddSingleton<ElbState>();
        services.TryAddSingleton<ServiceAttachmentValidation>();

        api.Add<CreateServiceHandler, CreateServiceRequest, CreateServiceResponse>(EcsApi.Service, "CreateService")
            .Add<DescribeServicesHandler, DescribeServicesRequest, DescribeServicesResponse>(EcsApi.Service, "DescribeServices")
            .Add<ListServicesHandler, ListServicesRequest, ListServicesResponse>(EcsApi.Service, "ListServices")
            .Add<UpdateServiceHandler, UpdateServiceRequest, UpdateServiceResponse>(EcsApi.Service, "UpdateService")
            .Add<DeleteServiceHandler, DeleteServiceRequest, DeleteServiceResponse>(EcsApi.Service, "DeleteService")
            .Add<ListServicesByNamespaceHandler, ListServicesByNamespaceRequest, ListServicesByNamespaceResponse>(
                EcsApi.Service, "ListServicesByNamespace");
    }
}
