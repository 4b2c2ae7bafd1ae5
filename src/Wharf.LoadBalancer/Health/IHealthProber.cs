namespace Wharf.LoadBalancer.Health;

/// <summary>Sends one health check request.</summary>
internal interface IHealthProber
{
    ValueTask<ProbeResult> ProbeAsync(Uri url, TimeSpan timeout, string matcher, CancellationToken cancellationToken);
}
