namespace Wharf.Agent.Engine;

/// <summary>Knobs of the task engine.</summary>
internal sealed record EngineSettings
{
    /// <summary>This agent's <c>ec2InstanceId</c>, written on every container as <c>wharf.agent-instance</c>.</summary>
    public required string InstanceId { get; init; }

    /// <summary>How long a stopped task's containers stay before they are removed.</summary>
    public TimeSpan CleanupDelay { get; init; } = TimeSpan.FromHours(3);

    /// <summary>SIGTERM → SIGKILL grace when a container sets no <c>stopTimeout</c>.</summary>
    public TimeSpan DefaultStopTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often every container is re-inspected, in case an event was missed.</summary>
    public TimeSpan ResyncInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How many times a container whose dynamic host port turned out taken is recreated.</summary>
    public int MaxPortRetries { get; init; } = 5;

    /// <summary>The image of an awsvpc task's pause container; built from <see cref="BusyboxPath"/> when the engine lacks it.</summary>
    public string PauseImage { get; init; } = PauseImageBuilder.DefaultImage;

    /// <summary>The host's static busybox (Debian's <c>busybox-static</c>), the pause image's only file.</summary>
    public string BusyboxPath { get; init; } = PauseImageBuilder.DefaultBusyboxPath;
}
