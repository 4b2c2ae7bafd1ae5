using Wharf.Server;

namespace Wharf.Cli.Commands;

/// <summary><c>wharf server</c>: the control plane alone; agents join it over the network.</summary>
internal static class ServerCommand
{
    public static async Task<int> RunAsync(CommandLine cli)
    {
        var options = Settings.Server(cli, readyWhenAgentInCluster: null);
        await using var app = WharfServer.Build(options);
        Banner.Print(options);
        await app.RunAsync();
        return 0;
    }
}
