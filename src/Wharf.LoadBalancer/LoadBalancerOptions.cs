namespace Wharf.LoadBalancer;

/// <summary>Where the data plane listens and how it reaches targets.</summary>
public sealed class LoadBalancerOptions
{
    /// <summary>The address listeners bind on; all interfaces by default, as a balancer's listeners are reachable from the network.</summary>
    public string BindAddress { get; set; } = "0.0.0.0";

    /// <summary>Where instance targets are reached when their container instance reports no host address (one-machine setups).</summary>
    public string TargetFallbackAddress { get; set; } = "127.0.0.1";

    /// <summary>How often state is re-read even without change events.</summary>
    public TimeSpan Resync { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the health monitor looks for due checks and expired drains.</summary>
    public TimeSpan HealthTick { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Where served requests are counted (CloudWatch request metrics read and reset it).</summary>
    public RequestCounts RequestCounts { get; } = new();
}
