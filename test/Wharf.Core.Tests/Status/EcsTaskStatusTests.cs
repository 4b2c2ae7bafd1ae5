using Wharf.Core.Status;
using Xunit;

namespace Wharf.Core.Tests.Status;

public sealed class EcsTaskStatusTests
{
    public static TheoryData<EcsTaskStatus, string> EcsStrings => new()
    {
        { EcsTaskStatus.Provisioning, "PROVISIONING" },
        { EcsTaskStatus.Pending, "PENDING" },
        { EcsTaskStatus.Activating, "ACTIVATING" },
        { EcsTaskStatus.Running, "RUNNING" },
        { EcsTaskStatus.Deactivating, "DEACTIVATING" },
        { EcsTaskStatus.Stopping, "STOPPING" },
        { EcsTaskStatus.Deprovisioning, "DEPROVISIONING" },
        { EcsTaskStatus.Stopped, "STOPPED" },
    };

    [Theory]
    [MemberData(nameof(EcsStrings))]
    public void ToEcsString_EveryStatus_MatchesEcs(EcsTaskStatus status, string expected) =>
        Assert.Equal(expected, status.ToEcsString());

    [Theory]
    [MemberData(nameof(EcsStrings))]
    public void TryFromEcsString_EcsString_RoundTrips(EcsTaskStatus expected, string value)
    {
        Assert.True(EcsTaskStatus.TryFromEcsString(value, out var parsed));
        Assert.Equal(expected, parsed);
    }

    [Theory]
    [InlineData("running")]
    [InlineData("Running")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("DELETED")]
    public void TryFromEcsString_NotAnEcsString_False(string? value)
    {
        Assert.False(EcsTaskStatus.TryFromEcsString(value, out var parsed));
        Assert.Equal(default, parsed);
    }

    [Fact]
    public void Order_Lifecycle_IsEcsOrder()
    {
        EcsTaskStatus[] lifecycle =
        [
            EcsTaskStatus.Provisioning, EcsTaskStatus.Pending, EcsTaskStatus.Activating, EcsTaskStatus.Running,
            EcsTaskStatus.Deactivating, EcsTaskStatus.Stopping, EcsTaskStatus.Deprovisioning, EcsTaskStatus.Stopped,
        ];
        Assert.Equal(lifecycle, Enum.GetValues<EcsTaskStatus>().Order());
    }

    [Fact]
    public void IsTerminal_OnlyStopped_True()
    {
        foreach (var status in Enum.GetValues<EcsTaskStatus>())
        {
            Assert.Equal(status == EcsTaskStatus.Stopped, status.IsTerminal());
        }
    }

    [Theory]
    [InlineData(EcsTaskStatus.Provisioning, EcsTaskStatus.Pending, true)]
    [InlineData(EcsTaskStatus.Provisioning, EcsTaskStatus.Stopped, true)]
    [InlineData(EcsTaskStatus.Pending, EcsTaskStatus.Running, true)]
    [InlineData(EcsTaskStatus.Running, EcsTaskStatus.Stopped, true)]
    [InlineData(EcsTaskStatus.Running, EcsTaskStatus.Running, false)]
    [InlineData(EcsTaskStatus.Running, EcsTaskStatus.Pending, false)]
    [InlineData(EcsTaskStatus.Stopped, EcsTaskStatus.Running, false)]
    public void CanTransitionTo_Pairs_ForwardOnly(EcsTaskStatus from, EcsTaskStatus to, bool expected) =>
        Assert.Equal(expected, from.CanTransitionTo(to));

    [Theory]
    [InlineData(EcsTaskStatus.Running, EcsTaskStatus.Pending, EcsTaskStatus.Running)]
    [InlineData(EcsTaskStatus.Pending, EcsTaskStatus.Running, EcsTaskStatus.Running)]
    [InlineData(EcsTaskStatus.Stopped, EcsTaskStatus.Running, EcsTaskStatus.Stopped)]
    [InlineData(EcsTaskStatus.Running, EcsTaskStatus.Running, EcsTaskStatus.Running)]
    public void Advance_LateReport_NeverMovesBackwards(EcsTaskStatus current, EcsTaskStatus reported, EcsTaskStatus expected) =>
        Assert.Equal(expected, EcsTaskStatus.Advance(current, reported));

    [Fact]
    public void ToEcsString_UndefinedValue_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ((EcsTaskStatus)42).ToEcsString());
}
