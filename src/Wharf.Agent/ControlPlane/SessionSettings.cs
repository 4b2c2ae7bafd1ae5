namespace Wharf.Agent.ControlPlane;

/// <summary>Timing of the agent channel.</summary>
internal sealed record SessionSettings
{
    /// <summary>How long reports gather before a batch is cut.</summary>
    public TimeSpan BatchWindow { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How long an unacknowledged batch waits before it is sent again.</summary>
    public TimeSpan ResendInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long the server has to answer <c>register</c>.</summary>
    public TimeSpan RegisterTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan ReconnectInitialDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromSeconds(30);
}
