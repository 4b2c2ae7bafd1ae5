using Wharf.Scheduling.Model;
using Wharf.Scheduling.Reconcilers;
using Xunit;

namespace Wharf.Scheduling.Tests.Reconcilers;

public sealed class DeploymentConfigurationRulesTests
{
    [Fact]
    public void WithDefaults_Replica_100And200()
    {
        Assert.Equal((100, 200), DeploymentConfigurationRules.WithDefaults(SchedulingStrategy.Replica, null, null));
        Assert.Equal((50, 200), DeploymentConfigurationRules.WithDefaults(SchedulingStrategy.Replica, 50, null));
    }

    [Fact]
    public void WithDefaults_Daemon_0And100()
    {
        Assert.Equal((0, 100), DeploymentConfigurationRules.WithDefaults(SchedulingStrategy.Daemon, null, null));
    }

    [Theory]
    [InlineData(SchedulingStrategy.Replica, 0, 100, true)]
    [InlineData(SchedulingStrategy.Replica, 100, 100, true)]
    [InlineData(SchedulingStrategy.Replica, 50, 400, true)]
    [InlineData(SchedulingStrategy.Replica, -1, 200, false)]
    [InlineData(SchedulingStrategy.Replica, 101, 200, false)]
    [InlineData(SchedulingStrategy.Replica, 50, 99, false)]
    [InlineData(SchedulingStrategy.Daemon, 50, 100, true)]
    [InlineData(SchedulingStrategy.Daemon, 0, 200, false)]
    public void Validate_Ranges(SchedulingStrategy strategy, int min, int max, bool valid)
    {
        var error = DeploymentConfigurationRules.Validate(strategy, min, max);

        Assert.Equal(valid, error is null);
    }
}
