using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Wharf.Server.AgentChannel;
using Wharf.Server.Api;
using Wharf.Server.Controllers;
using Wharf.Server.Hosting;
using Wharf.Server.State;
using Wharf.Storage;

namespace Wharf.Server;

/// <summary>Builds the control plane: the AWS APIs, the agent channel and the controllers on one port.</summary>
public static class WharfServer
{
    /// <summary>Creates the server; start it with <c>StartAsync</c>/<c>RunAsync</c>.</summary>
    public static WebApplication Build(WharfServerOptions options, Action<ILoggingBuilder>? configureLogging = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Parse(options.BindAddress), options.Port);
            kestrel.Limits.MaxRequestBodySize = 16 * 1024 * 1024;
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        });
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting", LogLevel.Warning);
        configureLogging?.Invoke(builder.Logging);

        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IStateStore>(sp => StateStoreFactory.Open(
            options.DataDirectory, sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<StateRepository>();
        services.AddSingleton<ResourceNames>();
        services.AddSingleton<Readiness>();
        services.AddHostedService<StoreInitializer>();

        services.AddSingleton<AgentRegistry>();
        services.AddSingleton<InstanceRegistrar>();
        services.AddSingleton<TaskStateApplier>();
        services.AddSingleton<AgentEndpoint>();
        services.AddSingleton<TaskDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<TaskDispatcher>());
        services.AddHostedService<Controllers.StoppedTaskReaper>();

        services.AddAwsApi(options);
        Controllers.Services.ServiceControllerServices.AddServiceController(services);
        Controllers.Attachments.AttachmentControllerServices.AddAttachmentController(services);

        var app = builder.Build();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(15) });
        app.MapGet("/healthz", (Readiness readiness) =>
            readiness.IsReady(out var detail)
                ? Results.Text("ok\n")
                : Results.Text(detail + "\n", statusCode: StatusCodes.Status503ServiceUnavailable));
        app.Map(AgentEndpoint.Path, (HttpContext context, AgentEndpoint endpoint) => endpoint.HandleAsync(context));
        app.MapAwsApi();
        return app;
    }
}
