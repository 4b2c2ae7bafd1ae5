namespace Wharf.Agent.Docker;

/// <summary>How long each kind of Docker call may take before the agent gives up on it.</summary>
internal sealed record DockerTimeouts
{
    public TimeSpan Query { get; init; } = TimeSpan.FromSeconds(30);
    public TimeSpan Pull { get; init; } = TimeSpan.FromMinutes(15);
    public TimeSpan Create { get; init; } = TimeSpan.FromMinutes(2);
    public TimeSpan Start { get; init; } = TimeSpan.FromMinutes(2);
    public TimeSpan Signal { get; init; } = TimeSpan.FromSeconds(30);
    public TimeSpan Remove { get; init; } = TimeSpan.FromMinutes(2);
    public TimeSpan Volume { get; init; } = TimeSpan.FromMinutes(1);
    public TimeSpan Network { get; init; } = TimeSpan.FromMinutes(1);
    /// <summary>An image built from a local tar (the pause image): a few MiB, no registry.</summary>
    public TimeSpan Import { get; init; } = TimeSpan.FromMinutes(2);
}
