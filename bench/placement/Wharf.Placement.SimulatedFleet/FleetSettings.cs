namespace Wharf.Placement.SimulatedFleet;

/// <summary>Command-line settings of the simulated fleet.</summary>
internal sealed record FleetSettings
{
    public required Uri AgentUri { get; init; }

    public required string Cluster { get; init; }

    public string JoinToken { get; init; } = "wharf-local-join-token";

    public int Hosts { get; init; } = 5000;

    public int Seed { get; init; } = 42;

    /// <summary>Registrations in flight at once (each one is a store transaction on the server).</summary>
    public int RegistrationConcurrency { get; init; } = 16;

    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(5);

    public required string StatusFile { get; init; }

    public static FleetSettings Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        string Get(string name) => values.TryGetValue(name, out var v) ? v : throw new ArgumentException($"--{name} is required");
        int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : fallback;
        return new FleetSettings
        {
            AgentUri = new Uri(Get("agent-uri")),
            Cluster = Get("cluster"),
            JoinToken = values.GetValueOrDefault("join-token", "wharf-local-join-token"),
            Hosts = Int("hosts", 5000),
            Seed = Int("seed", 42),
            RegistrationConcurrency = Int("registration-concurrency", 16),
            HeartbeatInterval = TimeSpan.FromSeconds(Int("heartbeat-seconds", 5)),
            StatusFile = Get("status-file"),
        };
    }
}
