using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Wharf.Agent;
using Wharf.Server;

namespace Wharf.Cli.Commands;

/// <summary>
/// <c>wharf up</c>: the control plane and an agent for this host in one process, plus a second
/// agent that serves as Wharf's Fargate capacity (unless <c>--fargate off</c>). The agents talk to
/// the server over the same loopback WebSocket a remote agent would use. Ctrl-C or
/// SIGTERM stops both; task containers keep running and are re-adopted at the next start.
/// </summary>
internal static class UpCommand
{
    public static async Task<int> RunAsync(CommandLine cli)
    {
        var cluster = cli.Get("cluster", "WHARF_CLUSTER", "default")!;
        var options = Settings.Server(cli, readyWhenAgentInCluster: cluster);
        Directory.CreateDirectory(options.DataDirectory);
        await using var app = WharfServer.Build(options);
        using var stop = Logging.StopOnSignals();
        await app.StartAsync(stop.Token);
        Banner.Print(options);

        var host = options.BindAddress == "0.0.0.0" ? "127.0.0.1" : options.BindAddress;
        var agentOptions = Settings.Agent(cli, new Uri($"http://{host}:{options.Port}"), Path.Combine(options.DataDirectory, "agent"), options.Region);
        using var loggerFactory = Logging.CreateFactory();
        var fargateOptions = Settings.FargateAgent(cli, agentOptions, Path.Combine(options.DataDirectory, "fargate-agent"));
        var agent = fargateOptions is null
            ? AgentProgram.RunAsync(agentOptions, loggerFactory, stop.Token)
            : Task.WhenAll(
                AgentProgram.RunAsync(agentOptions, loggerFactory, stop.Token),
                AgentProgram.RunAsync(fargateOptions, loggerFactory, stop.Token));

        var stopped = new TaskCompletionSource();
        using (stop.Token.Register(() => stopped.TrySetResult()))
        using (app.Lifetime.ApplicationStopping.Register(() => stopped.TrySetResult()))
        {
            await Task.WhenAny(stopped.Task, agent);
        }

        await stop.CancelAsync();
        try
        {
            await agent;
        }
        catch (OperationCanceledException)
        {
        }

        await app.StopAsync(CancellationToken.None);
        Console.WriteLine("Wharf stopped.");
        return 0;
    }
}
