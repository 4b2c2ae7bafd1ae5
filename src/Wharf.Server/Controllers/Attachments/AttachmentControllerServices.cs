using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Wharf.Server.ElasticLoadBalancing.Common;

namespace Wharf.Server.Controllers.Attachments;

/// <summary>Registers the attachment controller (a hosted service).</summary>
internal static class AttachmentControllerServices
{
    public static IServiceCollection AddAttachmentController(this IServiceCollection services)
    {
        services.TryAddSingleton<ElbState>();
        services.TryAddSingleton<AttachmentController>();
        services.AddHostedService(sp => sp.GetRequiredService<AttachmentController>());
        return services;
    }
}
