using Wharf.Scheduling.Reconcilers;
using Xunit;

namespace Wharf.Scheduling.Tests.Reconcilers;

public sealed class DeploymentBoundsTests
{
    [Theory]
    [InlineData(4, 50, 200, 2, 8)]
    [InlineData(2, 75, 200, 2, 4)]
    [InlineData(3, 100, 125, 3, 3)]
    [InlineData(1, 100, 200, 1, 2)]
    [InlineData(1, 50, 150, 1, 1)]
    [InlineData(5, 0, 100, 0, 5)]
    [InlineData(7, 33, 133, 3, 9)]
    [InlineData(0, 100, 200, 0, 0)]
    public void For_EcsRounding_LowerUpUpperDown(int desired, int min, int max, int lower, int upper)
    {
        Assert.Equal(new DeploymentBounds(lower, upper), DeploymentBounds.For(desired, min, max));
    }

    [Theory]
    [InlineData(4, 100, 100, false)]
    [InlineData(1, 100, 150, false)]
    [InlineData(1, 100, 200, true)]
    [InlineData(4, 50, 100, true)]
    [InlineData(2, 75, 100, false)]
    public void AllowsProgress_BoundsLeaveRoom(int desired, int min, int max, bool progress)
    {
        Assert.Equal(progress, DeploymentBounds.For(desired, min, max).AllowsProgress(desired));
    }

    [Fact]
    public void For_HugeValues_NoOverflow()
    {
        var bounds = DeploymentBounds.For(int.MaxValue, 100, int.MaxValue);

        Assert.Equal(int.MaxValue, bounds.Lower);
        Assert.Equal(int.MaxValue, bounds.Upper);
    }
}
