using Wharf.Server.State;
using Xunit;

namespace Wharf.Server.Tests.State;

public sealed class TaskStatusesTests
{
    [Theory]
    [InlineData("PROVISIONING", "PENDING", "PENDING")]
    [InlineData("RUNNING", "PENDING", "RUNNING")]
    [InlineData("STOPPING", "STOPPED", "STOPPED")]
    [InlineData("RUNNING", "BOGUS", "RUNNING")]
    [InlineData("BOGUS", "PENDING", "PENDING")]
    public void Later_TwoStatuses_KeepsTheLaterKnownOne(string current, string reported, string expected) =>
        Assert.Equal(expected, TaskStatuses.Later(current, reported));

    [Theory]
    [InlineData("PENDING", "RUNNING", "RUNNING")]
    [InlineData("STOPPED", "RUNNING", "STOPPED")]
    [InlineData("RUNNING", "", "RUNNING")]
    public void LaterContainer_TwoStatuses_KeepsTheLaterKnownOne(string current, string reported, string expected) =>
        Assert.Equal(expected, TaskStatuses.LaterContainer(current, reported));

    [Fact]
    public void NewId_Always_Is32LowercaseHex() =>
        Assert.Matches("^[0-9a-f]{32}$", ResourceNames.NewId());
}
