using Wharf.Core.Model;
using Wharf.LoadBalancer.Health;
using Xunit;

namespace Wharf.LoadBalancer.Tests.Health;

public sealed class TargetHealthTrackerTests
{
    private static readonly HealthCheckSettings Settings = new() { HealthyThreshold = 3, UnhealthyThreshold = 2 };

    [Fact]
    public void Observe_InitialTargetPasses_HealthyAfterOneCheck()
    {
        var tracker = new TargetHealthTracker();
        Assert.Equal(TargetStates.Healthy, tracker.Observe(TargetStates.Initial, TargetStates.RegistrationInProgress, ProbeResult.Passed, Settings)!.State);
    }

    [Fact]
    public void Observe_InitialTargetFails_StaysInitialUntilUnhealthyThreshold()
    {
        var tracker = new TargetHealthTracker();
        var first = tracker.Observe(TargetStates.Initial, TargetStates.RegistrationInProgress, ProbeResult.CodeMismatch(500), Settings)!;
        Assert.Equal((TargetStates.Initial, TargetStates.InitialHealthChecking), (first.State, first.Reason));
        var second = tracker.Observe(first.State, first.Reason, ProbeResult.CodeMismatch(500), Settings)!;
        Assert.Equal((TargetStates.Unhealthy, TargetStates.ResponseCodeMismatch), (second.State, second.Reason));
        Assert.Equal("Health checks failed with these codes: [500]", second.Description);
    }

    [Fact]
    public void Observe_HealthyTarget_OneFailureKeepsItHealthy_TwoMakeItUnhealthy()
    {
        var tracker = new TargetHealthTracker();
        Assert.Null(tracker.Observe(TargetStates.Healthy, null, ProbeResult.TimedOut, Settings));
        Assert.Null(tracker.Observe(TargetStates.Healthy, null, ProbeResult.Passed, Settings));
        Assert.Null(tracker.Observe(TargetStates.Healthy, null, ProbeResult.TimedOut, Settings));
        var verdict = tracker.Observe(TargetStates.Healthy, null, ProbeResult.TimedOut, Settings)!;
        Assert.Equal((TargetStates.Unhealthy, TargetStates.Timeout), (verdict.State, verdict.Reason));
    }

    [Fact]
    public void Observe_UnhealthyTarget_NeedsHealthyThresholdPassesInARow()
    {
        var tracker = new TargetHealthTracker();
        Assert.Null(tracker.Observe(TargetStates.Unhealthy, TargetStates.Timeout, ProbeResult.Passed, Settings));
        Assert.Null(tracker.Observe(TargetStates.Unhealthy, TargetStates.Timeout, ProbeResult.Passed, Settings));
        Assert.Equal(TargetStates.Healthy, tracker.Observe(TargetStates.Unhealthy, TargetStates.Timeout, ProbeResult.Passed, Settings)!.State);
    }

    [Fact]
    public void Observe_UnhealthyTargetFailsDifferently_ReasonUpdated()
    {
        var tracker = new TargetHealthTracker();
        var verdict = tracker.Observe(TargetStates.Unhealthy, TargetStates.Timeout, ProbeResult.Failed, Settings)!;
        Assert.Equal((TargetStates.Unhealthy, TargetStates.FailedHealthChecks), (verdict.State, verdict.Reason));
        Assert.Null(tracker.Observe(TargetStates.Unhealthy, TargetStates.FailedHealthChecks, ProbeResult.Failed, Settings));
    }
}
