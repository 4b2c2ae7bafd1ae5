namespace Wharf.Server.Controllers.Services;

/// <summary>Timing of the service controller.</summary>
internal sealed record ServiceControllerOptions
{
    /// <summary>
    /// How long an instance's agent may stay disconnected before the instance is declared lost and
    /// its service tasks are replaced elsewhere (counted from when this server saw it disconnected;
    /// see <see cref="WharfServerOptions.InstanceLostTimeout"/>).
    /// </summary>
    public TimeSpan LostTimeout { get; init; } = WharfServerOptions.DefaultInstanceLostTimeout;

    /// <summary>A pass runs at least this often (back-off expiry, lost instances, grace periods).</summary>
    public TimeSpan Resync { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The same recurring condition (unable to place, throttled) is reported at most this often.</summary>
    public TimeSpan ConditionRepeat { get; init; } = TimeSpan.FromMinutes(5);

    public static ServiceControllerOptions From(WharfServerOptions options) => new() { LostTimeout = options.InstanceLostTimeout };
}
