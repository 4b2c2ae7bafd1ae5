using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Wharf.Server.Placement;

namespace Wharf.Server.Controllers.Services;

/// <summary>Registers the service controller (a hosted service) and what it uses.</summary>
internal static class ServiceControllerServices
{
    public static IServiceCollection AddServiceController(this IServiceCollection services)
    {
        services.AddPlacement();
        services.TryAddSingleton(sp => ServiceControllerOptions.From(sp.GetRequiredService<WharfServerOptions>()));
        services.TryAddSingleton<InstanceHealthMonitor>();
        services.TryAddSingleton<ServicePlanner>();
        services.TryAddSingleton<ServiceController>();
        services.AddHostedService(sp => sp.GetRequiredService<ServiceController>());
        return services;
    }
}
