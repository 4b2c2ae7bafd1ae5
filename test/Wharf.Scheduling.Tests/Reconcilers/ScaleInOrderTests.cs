using Wharf.Scheduling.Reconcilers;
using Xunit;
using static Wharf.Scheduling.Tests.Reconcilers.ServiceTasks;

namespace Wharf.Scheduling.Tests.Reconcilers;

public sealed class ScaleInOrderTests
{
    [Fact]
    public void Select_UnhealthyBeforeHealthy_PendingFirst()
    {
        var tasks = new[]
        {
            Healthy("h", New),
            Healthy("u", New) with { Health = TaskHealth.Unknown },
            Pending("p", New),
        };

        var chosen = ScaleInOrder.Select(tasks, 2);

        Assert.Equal(["p", "u"], chosen.Select(t => t.TaskArn));
    }

    [Fact]
    public void Select_Healthy_BusiestZoneThenBusiestInstance()
    {
        var tasks = new[]
        {
            Healthy("a1", New, "a", "i1"), Healthy("a2", New, "a", "i2"), Healthy("a3", New, "a", "i2"),
            Healthy("b1", New, "b", "i3"), Healthy("b2", New, "b", "i4"),
        };

        var chosen = ScaleInOrder.Select(tasks, 3);

        Assert.Equal(["a2", "a1", "b1"], chosen.Select(t => t.TaskArn));
    }
}
