using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Wharf.Server.CloudMap;
using Wharf.Server.Ecs;

namespace Wharf.Server.Api;

internal static class AwsApiExtensions
{
    /// <summary>Registers the endpoint and every service's operation handlers.</summary>
    public static IServiceCollection AddAwsApi(this IServiceCollection services, WharfServerOptions options)
    {
        var table = new OperationTable();
        var api = new AwsApiBuilder(services, table);
        EcsApi.Register(api);
        CloudMapApi.Register(api);
        ElasticLoadBalancing.ElasticLoadBalancingApi.Register(api, options.LoadBalancerDataPlane);
        Ec2.Ec2Api.Register(api);
        CloudWatch.CloudWatchApi.Register(api);
        Logs.LogsApi.Register(api);
        ApplicationAutoScaling.ApplicationAutoScalingApi.Register(api);
        Sts.StsApi.Register(api);
        services.AddSingleton(table);
        services.AddSingleton<RequestAuthenticator>();
        services.AddSingleton<AwsApiEndpoint>();
        return services;
    }

    /// <summary>AWS clients post to the root path; Query clients may also GET with the form in the query string.</summary>
    public static IEndpointRouteBuilder MapAwsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/", (HttpContext context, AwsApiEndpoint endpoint) => endpoint.HandleAsync(context));
        endpoints.MapGet("/", (HttpContext context, AwsApiEndpoint endpoint) => endpoint.HandleAsync(context));
        endpoints.MapPost("/service/{**rest}", (HttpContext context, AwsApiEndpoint endpoint) => endpoint.HandleAsync(context));
        return endpoints;
    }
}
