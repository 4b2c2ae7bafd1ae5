using Wharf.Scheduling.Reconcilers;
using Xunit;

namespace Wharf.Scheduling.Tests.Reconcilers;

public sealed class TaskLaunchBackoffTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(2, 0)]
    [InlineData(3, 10)]
    [InlineData(4, 20)]
    [InlineData(5, 40)]
    [InlineData(9, 640)]
    [InlineData(10, 900)]
    [InlineData(1_000, 900)]
    public void Delay_DoublesFromTenSecondsToFifteenMinutes(int failures, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), TaskLaunchBackoff.Delay(failures));
        Assert.Equal(seconds > 0, TaskLaunchBackoff.IsThrottled(failures));
    }

    [Fact]
    public void Delay_WithJitter_AtMostTenPercentMoreAndCapped()
    {
        var random = new Random(3);
        for (var failures = 3; failures < 20; failures++)
        {
            var plain = TaskLaunchBackoff.Delay(failures);
            var jittered = TaskLaunchBackoff.Delay(failures, random);

            Assert.InRange(jittered, plain, TimeSpan.FromTicks(Math.Min((long)(plain.Ticks * 1.1), TaskLaunchBackoff.MaximumDelay.Ticks)));
        }
    }
}
