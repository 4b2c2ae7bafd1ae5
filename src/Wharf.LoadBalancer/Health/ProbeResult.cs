using Wharf.Core.Model;

namespace Wharf.LoadBalancer.Health;

/// <summary>The outcome of one health check; a failure carries ELBv2's reason code and description.</summary>
internal sealed record ProbeResult(bool Success, string? Reason = null, string? Description = null)
{
    public static readonly ProbeResult Passed = new(true);

    public static ProbeResult CodeMismatch(int code) =>
        new(false, TargetStates.ResponseCodeMismatch, $"Health checks failed with these codes: [{code}]");

    public static readonly ProbeResult TimedOut = new(false, TargetStates.Timeout, "Request timed out");

    public static readonly ProbeResult Failed = new(false, TargetStates.FailedHealthChecks, "Health checks failed");
}
