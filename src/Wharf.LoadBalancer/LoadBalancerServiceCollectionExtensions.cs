using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Wharf.Storage;

namespace Wharf.LoadBalancer;

/// <summary>Adds the load balancer data plane to a host that already has an <see cref="IStateStore"/> and a <see cref="TimeProvider"/>.</summary>
public static class LoadBalancerServiceCollectionExtensions
{
    /// <summary>Registers the data plane as a hosted service: listeners bound on this host, YARP, health checks.</summary>
    public static IServiceCollection AddWharfLoadBalancer(this IServiceCollection services, Action<LoadBalancerOptions>? configure = null)
    {
        var options = new LoadBalancerOptions();
        configure?.Invoke(options);
        services.AddSingleton(options.RequestCounts);
        services.AddHostedService(sp => new LoadBalancerHost(
            sp.GetRequiredService<IStateStore>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>(), options));
        return services;
    }
}
