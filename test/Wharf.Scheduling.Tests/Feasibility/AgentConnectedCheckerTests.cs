using Wharf.Scheduling.Feasibility;
using Wharf.Scheduling.Placement;
using Xunit;
using static Wharf.Scheduling.Tests.TestInstances;

namespace Wharf.Scheduling.Tests.Feasibility;

public sealed class AgentConnectedCheckerTests
{
    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void IsFeasible_AgentConnection_Decides(bool connected, bool feasible)
    {
        var instance = new InstanceState(Instance(1, connected: connected), 0);

        Assert.Equal(feasible, AgentConnectedChecker.Instance.IsFeasible(instance));
        Assert.Equal("AGENT", AgentConnectedChecker.Instance.Reason);
    }
}
