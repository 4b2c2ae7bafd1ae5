using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Wharf.Core.Arns;
using Wharf.Server.Api;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.Ecs.Attributes;
using Wharf.Server.Ecs.Clusters;
using Wharf.Server.Ecs.Common;
using Wharf.Server.Ecs.ContainerInstances;
using Wharf.Server.Ecs.Tagging;
using Wharf.Server.Ecs.TaskDefinitions;

namespace Wharf.Server.Ecs;

/// <summary>Registers every ECS operation Wharf serves, and the helpers they share.</summary>
internal static class EcsApi
{
    public const string Service = "ecs";

    public static void Register(AwsApiBuilder api)
    {
        var services = api.Services;
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<WharfServerOptions>();
            return new AccountContext(options.Region, options.AccountId);
        });
        services.TryAddSingleton(sp => new ArnParser(sp.GetRequiredService<AccountContext>()));
        services.TryAddSingleton(sp => new ArnFormatter(sp.GetRequiredService<AccountContext>()));
        services.TryAddSingleton<ClusterResolver>();
        services.TryAddSingleton<TaskDefinitionResolver>();
        services.TryAddSingleton<ClusterCounter>();
        services.TryAddSingleton<ContainerInstanceMapper>();
        services.TryAddSingleton<ResourceTags>();
        services.TryAddSingleton<ClusterView>();
        services.TryAddSingleton<ContainerInstanceResolver>();
        services.TryAddSingleton<TaggableResources>();
        services.TryAddSingleton<AttributeTargetGroups>();
        services.TryAddSingleton<Ec2.DefaultNetwork>();
        services.TryAddSingleton<AwsvpcNetworks>();

        api.Add<CreateClusterHandler, CreateClusterRequest, CreateClusterResponse>(Service, "CreateCluster")
            .Add<DescribeClustersHandler, DescribeClustersRequest, DescribeClustersResponse>(Service, "DescribeClusters")
            .Add<ListClustersHandler, ListClustersRequest, ListClustersResponse>(Service, "ListClusters")
            .Add<DeleteClusterHandler, DeleteClusterRequest, DeleteClusterResponse>(Service, "DeleteCluster")
            .Add<UpdateClusterHandler, UpdateClusterRequest, UpdateClusterResponse>(Service, "UpdateCluster")
            .Add<UpdateClusterSettingsHandler, UpdateClusterSettingsRequest, UpdateClusterSettingsResponse>(Service, "UpdateClusterSettings")
            .Add<PutClusterCapacityProvidersHandler, PutClusterCapacityProvidersRequest, PutClusterCapacityProvidersResponse>(
                Service, "PutClusterCapacityProviders")
            .Add<DescribeCapacityProvidersHandler, DescribeCapacityProvidersRequest, DescribeCapacityProvidersResponse>(
                Service, "DescribeCapacityProviders");

        api.Add<RegisterTaskDefinitionHandler, RegisterTaskDefinitionRequest, RegisterTaskDefinitionResponse>(Service, "RegisterTaskDefinition")
            .Add<DescribeTaskDefinitionHandler, DescribeTaskDefinitionRequest, DescribeTaskDefinitionResponse>(Service, "DescribeTaskDefinition")
            .Add<ListTaskDefinitionsHandler, ListTaskDefinitionsRequest, ListTaskDefinitionsResponse>(Service, "ListTaskDefinitions")
            .Add<ListTaskDefinitionFamiliesHandler, ListTaskDefinitionFamiliesRequest, ListTaskDefinitionFamiliesResponse>(
                Service, "ListTaskDefinitionFamilies")
            .Add<DeregisterTaskDefinitionHandler, DeregisterTaskDefinitionRequest, DeregisterTaskDefinitionResponse>(
                Service, "DeregisterTaskDefinition")
            .Add<DeleteTaskDefinitionsHandler, DeleteTaskDefinitionsRequest, DeleteTaskDefinitionsResponse>(Service, "DeleteTaskDefinitions");

        api.Add<RegisterContainerInstanceHandler, RegisterContainerInstanceRequest, RegisterContainerInstanceResponse>(
                Service, "RegisterContainerInstance")
            .Add<DeregisterContainerInstanceHandler, DeregisterContainerInstanceRequest, DeregisterContainerInstanceResponse>(
                Service, "DeregisterContainerInstance")
            .Add<DescribeContainerInstancesHandler, DescribeContainerInstancesRequest, DescribeContainerInstancesResponse>(
                Service, "DescribeContainerInstances")
            .Add<ListContainerInstancesHandler, ListContainerInstancesRequest, ListContainerInstancesResponse>(Service, "ListContainerInstances")
            .Add<UpdateContainerInstancesStateHandler, UpdateContainerInstancesStateRequest, UpdateContainerInstancesStateResponse>(
                Service, "UpdateContainerInstancesState");

        api.Add<TagResourceHandler, TagResourceRequest, TagResourceResponse>(Service, "TagResource")
            .Add<UntagResourceHandler, UntagResourceRequest, UntagResourceResponse>(Service, "UntagResource")
            .Add<ListTagsForResourceHandler, ListTagsForResourceRequest, ListTagsForResourceResponse>(Service, "ListTagsForResource");

        api.Add<PutAttributesHandler, PutAttributesRequest, PutAttributesResponse>(Service, "PutAttributes")
            .Add<DeleteAttributesHandler, DeleteAttributesRequest, DeleteAttributesResponse>(Service, "DeleteAttributes")
            .Add<ListAttributesHandler, ListAttributesRequest, ListAttributesResponse>(Service, "ListAttributes");

        // RunTask, StartTask, StopTask, DescribeTasks and ListTasks.
        Tasks.TaskOperations.Register(api);

        // CreateService, DescribeServices, ListServices, UpdateService, DeleteService, ListServicesByNamespace.
        Services.ServiceOperations.Register(api);
    }
}
