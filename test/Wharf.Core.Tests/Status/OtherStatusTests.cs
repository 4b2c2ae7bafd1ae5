using Wharf.Core.Status;
using Xunit;

namespace Wharf.Core.Tests.Status;

public sealed class OtherStatusTests
{
    [Fact]
    public void DesiredStatus_EveryValue_RoundTripsThroughEcsString()
    {
        foreach (var status in Enum.GetValues<DesiredStatus>())
        {
            Assert.True(DesiredStatus.TryFromEcsString(status.ToEcsString(), out var parsed));
            Assert.Equal(status, parsed);
        }

        Assert.Equal(["PENDING", "RUNNING", "STOPPED"], Enum.GetValues<DesiredStatus>().Select(s => s.ToEcsString()));
    }

    [Fact]
    public void DesiredStatus_Stopped_IsTerminalAndSticky()
    {
        Assert.True(DesiredStatus.Stopped.IsTerminal());
        Assert.False(DesiredStatus.Stopped.CanTransitionTo(DesiredStatus.Running));
        Assert.True(DesiredStatus.Running.CanTransitionTo(DesiredStatus.Stopped));
        Assert.Equal(DesiredStatus.Stopped, DesiredStatus.Advance(DesiredStatus.Stopped, DesiredStatus.Running));
    }

    [Fact]
    public void ContainerStatus_EveryValue_RoundTripsAndOrders()
    {
        Assert.Equal(["PENDING", "RUNNING", "STOPPED"], Enum.GetValues<ContainerStatus>().Select(s => s.ToEcsString()));
        foreach (var status in Enum.GetValues<ContainerStatus>())
        {
            Assert.True(ContainerStatus.TryFromEcsString(status.ToEcsString(), out var parsed));
            Assert.Equal(status, parsed);
        }

        Assert.True(ContainerStatus.Pending.CanTransitionTo(ContainerStatus.Stopped));
        Assert.False(ContainerStatus.Stopped.CanTransitionTo(ContainerStatus.Running));
        Assert.Equal(ContainerStatus.Running, ContainerStatus.Advance(ContainerStatus.Running, ContainerStatus.Pending));
    }

    [Fact]
    public void HealthStatus_EveryValue_RoundTrips()
    {
        Assert.Equal(HealthStatus.Unknown, default);
        foreach (var status in Enum.GetValues<HealthStatus>())
        {
            Assert.True(HealthStatus.TryFromEcsString(status.ToEcsString(), out var parsed));
            Assert.Equal(status, parsed);
        }

        Assert.False(HealthStatus.TryFromEcsString("healthy", out _));
    }

    [Theory]
    [InlineData("REGISTERING", ContainerInstanceStatus.Registering)]
    [InlineData("REGISTRATION_FAILED", ContainerInstanceStatus.RegistrationFailed)]
    [InlineData("ACTIVE", ContainerInstanceStatus.Active)]
    [InlineData("DRAINING", ContainerInstanceStatus.Draining)]
    [InlineData("DEREGISTERING", ContainerInstanceStatus.Deregistering)]
    [InlineData("INACTIVE", ContainerInstanceStatus.Inactive)]
    public void ContainerInstanceStatus_EcsString_RoundTrips(string value, ContainerInstanceStatus expected)
    {
        Assert.True(ContainerInstanceStatus.TryFromEcsString(value, out var parsed));
        Assert.Equal(expected, parsed);
        Assert.Equal(value, parsed.ToEcsString());
    }

    [Theory]
    [InlineData(ContainerInstanceStatus.Registering, ContainerInstanceStatus.Active, true)]
    [InlineData(ContainerInstanceStatus.Registering, ContainerInstanceStatus.RegistrationFailed, true)]
    [InlineData(ContainerInstanceStatus.Active, ContainerInstanceStatus.Draining, true)]
    [InlineData(ContainerInstanceStatus.Draining, ContainerInstanceStatus.Active, true)]
    [InlineData(ContainerInstanceStatus.Active, ContainerInstanceStatus.Inactive, true)]
    [InlineData(ContainerInstanceStatus.Deregistering, ContainerInstanceStatus.Inactive, true)]
    [InlineData(ContainerInstanceStatus.Inactive, ContainerInstanceStatus.Active, false)]
    [InlineData(ContainerInstanceStatus.RegistrationFailed, ContainerInstanceStatus.Active, false)]
    [InlineData(ContainerInstanceStatus.Deregistering, ContainerInstanceStatus.Active, false)]
    [InlineData(ContainerInstanceStatus.Active, ContainerInstanceStatus.Registering, false)]
    public void ContainerInstanceStatus_CanTransitionTo_FollowsTable(
        ContainerInstanceStatus from, ContainerInstanceStatus to, bool expected) =>
        Assert.Equal(expected, from.CanTransitionTo(to));

    [Fact]
    public void ContainerInstanceStatus_Terminal_HasNoExit()
    {
        foreach (var from in Enum.GetValues<ContainerInstanceStatus>().Where(s => s.IsTerminal()))
        {
            Assert.All(Enum.GetValues<ContainerInstanceStatus>(), to => Assert.False(from.CanTransitionTo(to)));
        }
    }

    [Theory]
    [InlineData(ClusterStatus.Provisioning, ClusterStatus.Active, true)]
    [InlineData(ClusterStatus.Provisioning, ClusterStatus.Failed, true)]
    [InlineData(ClusterStatus.Active, ClusterStatus.Inactive, true)]
    [InlineData(ClusterStatus.Active, ClusterStatus.Deprovisioning, true)]
    [InlineData(ClusterStatus.Deprovisioning, ClusterStatus.Inactive, true)]
    [InlineData(ClusterStatus.Inactive, ClusterStatus.Active, false)]
    [InlineData(ClusterStatus.Active, ClusterStatus.Provisioning, false)]
    public void ClusterStatus_CanTransitionTo_FollowsTable(ClusterStatus from, ClusterStatus to, bool expected) =>
        Assert.Equal(expected, from.CanTransitionTo(to));

    [Fact]
    public void ClusterStatus_EveryValue_RoundTrips()
    {
        Assert.Equal(
            ["PROVISIONING", "ACTIVE", "DEPROVISIONING", "FAILED", "INACTIVE"],
            Enum.GetValues<ClusterStatus>().Select(s => s.ToEcsString()));
        foreach (var status in Enum.GetValues<ClusterStatus>())
        {
            Assert.True(ClusterStatus.TryFromEcsString(status.ToEcsString(), out var parsed));
            Assert.Equal(status, parsed);
        }
    }

    [Fact]
    public void TaskDefinitionStatus_Lifecycle_ActiveThenInactiveThenDeleted()
    {
        Assert.Equal(
            ["ACTIVE", "INACTIVE", "DELETE_IN_PROGRESS"],
            Enum.GetValues<TaskDefinitionStatus>().Select(s => s.ToEcsString()));
        Assert.True(TaskDefinitionStatus.Active.CanTransitionTo(TaskDefinitionStatus.Inactive));
        Assert.True(TaskDefinitionStatus.Inactive.CanTransitionTo(TaskDefinitionStatus.DeleteInProgress));
        Assert.False(TaskDefinitionStatus.Active.CanTransitionTo(TaskDefinitionStatus.DeleteInProgress));
        Assert.False(TaskDefinitionStatus.Inactive.CanTransitionTo(TaskDefinitionStatus.Active));
        Assert.True(TaskDefinitionStatus.DeleteInProgress.IsTerminal());
        Assert.True(TaskDefinitionStatus.TryFromEcsString("DELETE_IN_PROGRESS", out var parsed));
        Assert.Equal(TaskDefinitionStatus.DeleteInProgress, parsed);
    }

    [Fact]
    public void StopCodes_All_MatchEcsServiceModel()
    {
        Assert.Equal(
            ["TaskFailedToStart", "EssentialContainerExited", "UserInitiated", "ServiceSchedulerInitiated", "SpotInterruption", "TerminationNotice"],
            StopCodes.All);
        Assert.True(StopCodes.IsKnown(StopCodes.UserInitiated));
        Assert.False(StopCodes.IsKnown("userinitiated"));
        Assert.False(StopCodes.IsKnown(null));
    }
}
