using Wharf.Scheduling.Feasibility;
using Wharf.Scheduling.Model;
using Wharf.Scheduling.Placement;
using Xunit;
using static Wharf.Scheduling.Tests.TestInstances;

namespace Wharf.Scheduling.Tests.Feasibility;

public sealed class RequiredAttributesCheckerTests
{
    private static readonly InstanceState Host = new(
        Instance(1, attributes: new() { ["com.amazonaws.ecs.capability.logging-driver.awslogs"] = null, ["ecs.cpu-architecture"] = "x86_64" }),
        0);

    [Fact]
    public void IsFeasible_ValuelessAttributePresent_Accepted()
    {
        var checker = new RequiredAttributesChecker([new RequiredAttribute("com.amazonaws.ecs.capability.logging-driver.awslogs")]);

        Assert.True(checker.IsFeasible(Host));
    }

    [Fact]
    public void IsFeasible_AttributeMissing_Rejected()
    {
        var checker = new RequiredAttributesChecker([new RequiredAttribute("ecs.capability.secrets.asm.environment-variables")]);

        Assert.False(checker.IsFeasible(Host));
        Assert.Equal("ATTRIBUTE", checker.Reason);
    }

    [Theory]
    [InlineData("x86_64", true)]
    [InlineData("arm64", false)]
    public void IsFeasible_RequiredValue_MustMatch(string value, bool feasible)
    {
        var checker = new RequiredAttributesChecker([new RequiredAttribute("ecs.cpu-architecture", value)]);

        Assert.Equal(feasible, checker.IsFeasible(Host));
    }
}
