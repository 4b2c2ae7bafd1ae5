using Microsoft.Extensions.DependencyInjection;

namespace Wharf.Server.Api;

/// <summary>Registers operation handlers: <c>api.Add&lt;CreateClusterHandler, CreateClusterRequest, CreateClusterResponse&gt;("ecs", "CreateCluster")</c>.</summary>
internal sealed class AwsApiBuilder(IServiceCollection services, OperationTable table)
{
    public IServiceCollection Services => services;

    public AwsApiBuilder Add<THandler, TInput, TOutput>(string service, string operation)
        where THandler : class, IOperationHandler<TInput, TOutput>
        where TInput : class
        where TOutput : class
    {
        services.AddSingleton<THandler>();
        table.Add(OperationBinding.For<THandler, TInput, TOutput>(service, operation));
        return this;
    }
}
