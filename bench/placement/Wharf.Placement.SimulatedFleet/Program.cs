using Wharf.Placement.SimulatedFleet;

// A fleet of simulated hosts (no Docker) connected to a running `wharf server` over the real agent
// channel. Writes a JSON status line to --status-file every second; runs until SIGTERM/SIGINT.
var settings = FleetSettings.Parse(args);
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();

var counters = new FleetCounters();
var gate = new SemaphoreSlim(settings.RegistrationConcurrency, settings.RegistrationConcurrency);
var hosts = HostShape.Fleet(settings.Hosts, settings.Seed);
var registered = hosts.Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
var started = DateTimeOffset.UtcNow;
var simulated = hosts.Select(host => new SimulatedAgent(host, settings, counters)).ToArray();
var agents = simulated.Select((agent, i) => agent.RunAsync(registered[i], gate, stop.Token)).ToArray();

var status = Task.Run(async () =>
{
    while (!stop.IsCancellationRequested)
    {
        await File.WriteAllTextAsync(settings.StatusFile + ".tmp", counters.ToJson(settings.Hosts, DateTimeOffset.UtcNow) + "\n");
        File.Move(settings.StatusFile + ".tmp", settings.StatusFile, overwrite: true);
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(1), stop.Token);
        }
        catch (OperationCanceledException)
        {
            break;
        }
    }
});

try
{
    await Task.WhenAll(registered.Select(r => r.Task));
    Console.WriteLine($"registered {settings.Hosts} simulated hosts in {(DateTimeOffset.UtcNow - started).TotalSeconds:F1} s");
}
catch (InvalidOperationException ex)
{
    Console.Error.WriteLine(ex.Message);
    await stop.CancelAsync();
    return 1;
}

await Task.WhenAll(agents);
await status;
foreach (var agent in simulated)
{
    agent.Dispose();
}

return 0;
