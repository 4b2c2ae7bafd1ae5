using Microsoft.Extensions.Logging;
using Wharf.Agent;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf agent</c>: joins this host to a server as a container instance.</summary>
internal static class AgentCommand
{
    public static async Task<int> RunAsync(CommandLine cli)
    {
        var server = new Uri(cli.Get("server", "WHARF_SERVER", "http://127.0.0.1:4566")!);
        var stateDirectory = cli.Get("state-dir", "WHARF_AGENT_STATE_DIR") ?? Path.Combine(Settings.DataDirectory(cli), "agent");
        var options = Settings.Agent(cli, server, Path.GetFullPath(stateDirectory), cli.Get("region", "WHARF_REGION", "us-east-1")!);
        using var loggerFactory = Logging.CreateFactory();
        using var stop = Logging.StopOnSignals();
        await AgentProgram.RunAsync(options, loggerFactory, stop.Token);
        return 0;
    }
}
