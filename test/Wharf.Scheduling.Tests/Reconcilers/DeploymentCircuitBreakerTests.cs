using Wharf.Scheduling.Reconcilers;
using Xunit;

namespace Wharf.Scheduling.Tests.Reconcilers;

public sealed class DeploymentCircuitBreakerTests
{
    [Theory]
    [InlineData(0, 3)]
    [InlineData(1, 3)]
    [InlineData(6, 3)]
    [InlineData(7, 4)]
    [InlineData(25, 13)]
    [InlineData(400, 200)]
    [InlineData(800, 200)]
    public void FailureThreshold_HalfDesiredRoundedUp_Within3And200(int desired, int threshold)
    {
        Assert.Equal(threshold, DeploymentCircuitBreaker.FailureThreshold(desired));
    }

    [Theory]
    [InlineData(CircuitBreakerThresholdType.Count, 10, 7, 7)]
    [InlineData(CircuitBreakerThresholdType.UnboundedPercent, 1000, 50, 500)]
    [InlineData(CircuitBreakerThresholdType.UnboundedPercent, 1, 10, 1)]
    [InlineData(CircuitBreakerThresholdType.BoundedPercent, 10, 100, 10)]
    [InlineData(CircuitBreakerThresholdType.BoundedPercent, 1000, 100, 200)]
    public void FailureThreshold_ThresholdConfiguration(CircuitBreakerThresholdType type, int desired, int value, int threshold)
    {
        Assert.Equal(threshold, DeploymentCircuitBreaker.FailureThreshold(desired, type, value));
    }

    [Fact]
    public void IsTripped_AtThreshold()
    {
        Assert.False(DeploymentCircuitBreaker.IsTripped(2, 3));
        Assert.True(DeploymentCircuitBreaker.IsTripped(3, 3));
    }
}
