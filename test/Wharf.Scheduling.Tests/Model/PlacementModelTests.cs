using Wharf.Scheduling.Model;
using Xunit;

namespace Wharf.Scheduling.Tests.Model;

public sealed class PlacementModelTests
{
    [Theory]
    [InlineData("binpack", "memory", "binpack(memory)")]
    [InlineData("binpack", "CPU", "binpack(cpu)")]
    [InlineData("spread", "host", "spread(instanceId)")]
    [InlineData("spread", "instanceId", "spread(instanceId)")]
    [InlineData("spread", "attribute:ecs.availability-zone", "spread(attribute:ecs.availability-zone)")]
    [InlineData("random", null, "random")]
    [InlineData("random", "ignored", "random")]
    public void PlacementStrategy_TryCreate_Normalises(string type, string? field, string expected)
    {
        Assert.True(PlacementStrategy.TryCreate(type, field, out var strategy, out var error), error);
        Assert.Equal(expected, strategy.ToString());
    }

    [Theory]
    [InlineData("binpack", "disk")]
    [InlineData("binpack", null)]
    [InlineData("spread", "zone")]
    [InlineData("spread", "attribute:")]
    [InlineData("pack", "cpu")]
    [InlineData(null, null)]
    public void PlacementStrategy_TryCreate_RefusesWhatEcsRefuses(string? type, string? field)
    {
        Assert.False(PlacementStrategy.TryCreate(type, field, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void PlacementConstraint_TryCreate_MemberOfParsesExpression()
    {
        Assert.True(PlacementConstraint.TryCreate("memberOf", "attribute:a == b", out var constraint, out _));
        Assert.Equal("attribute:a == b", constraint.Expression?.Text);
    }

    [Theory]
    [InlineData("distinctInstance", "attribute:a == b", "can't be specified")]
    [InlineData("memberOf", null, "requires an expression")]
    [InlineData("memberOf", "attribute:a ==", "Invalid expression at position 15: expected a value")]
    [InlineData("sameInstance", null, "Invalid placement constraint type")]
    public void PlacementConstraint_TryCreate_Invalid(string type, string? expression, string message)
    {
        Assert.False(PlacementConstraint.TryCreate(type, expression, out _, out var error));
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TaskResources_ContainerLevel_ReservationElseHardLimit()
    {
        ContainerResources[] containers = [new(128, 512, 256), new(null, 300, null), new(64, null, 100)];

        Assert.Equal(656, TaskResources.ReservedMemory(null, containers));
        Assert.Equal(192, TaskResources.ReservedCpu(null, containers));
    }

    [Fact]
    public void TaskResources_TaskLevel_Wins()
    {
        ContainerResources[] containers = [new(128, 512, 256)];

        Assert.Equal(2048, TaskResources.ReservedMemory(2048, containers));
        Assert.Equal(1024, TaskResources.ReservedCpu(1024, containers));
    }

    [Fact]
    public void EffectiveConstraints_TaskDefinitionFirstThenRequest()
    {
        var request = new PlacementRequest
        {
            Memory = 1,
            Group = "g",
            TaskDefinitionFamily = "f",
            TaskDefinitionConstraints = [PlacementConstraint.DistinctInstance],
            Constraints = [PlacementConstraint.DistinctInstance],
        };

        Assert.Equal(2, request.EffectiveConstraints.Count());
    }
}
