using Wharf.Scheduling.Messages;
using Wharf.Scheduling.Placement;
using Xunit;

namespace Wharf.Scheduling.Tests.Messages;

public sealed class ServiceEventMessagesTests
{
    [Theory]
    [InlineData("RESOURCE:MEMORY", "The closest matching container-instance abc has insufficient memory available.")]
    [InlineData("RESOURCE:CPU", "The closest matching container-instance abc has insufficient CPU units available.")]
    [InlineData("RESOURCE:PORTS", "The closest matching container-instance abc is already using a port required by your task.")]
    [InlineData("ATTRIBUTE", "The closest matching container-instance abc is missing an attribute required by your task.")]
    [InlineData("AGENT", "The closest matching container-instance abc encountered error \"AGENT\".")]
    [InlineData("MemberOf placement constraint unsatisfied.", "The closest matching container-instance abc encountered error \"MemberOf placement constraint unsatisfied.\".")]
    public void UnableToPlace_ClosestMatch_EcsWording(string reason, string sentence)
    {
        var result = new PlacementResult { Placements = [], UnplacedCount = 1, ClosestMatch = new PlacementFailure("arn", "abc", reason) };

        var message = ServiceEventMessages.UnableToPlace("web", result);

        Assert.Equal(
            $"service web was unable to place a task because no container instance met all of its requirements. {sentence} " +
            "For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.",
            message);
    }

    [Fact]
    public void UnableToPlace_NoInstances_Reason()
    {
        var result = new PlacementResult { Placements = [], UnplacedCount = 1, NoContainerInstances = true };

        Assert.Contains("Reason: No Container Instances were found in your cluster.", ServiceEventMessages.UnableToPlace("web", result), StringComparison.Ordinal);
    }

    [Fact]
    public void SteadyState_EcsWording()
    {
        Assert.Equal("service web has reached a steady state.", ServiceEventMessages.SteadyState("web"));
        Assert.Equal("service web is unable to consistently start tasks successfully.", ServiceEventMessages.UnableToConsistentlyStartTasks("web"));
        Assert.StartsWith("service web was unable to stop or start tasks during a deployment", ServiceEventMessages.BlockedByDeploymentConfiguration("web"), StringComparison.Ordinal);
    }
}
