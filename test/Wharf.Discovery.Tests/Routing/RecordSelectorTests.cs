using System.Net;
using Wharf.Discovery.Routing;
using Wharf.Discovery.Zones;
using Xunit;

namespace Wharf.Discovery.Tests.Routing;

public sealed class RecordSelectorTests
{
    private static RecordSet Set(string policy, int healthy, int unhealthy) => new("A", 30, policy,
    [
        .. Enumerable.Range(1, healthy).Select(i => new RecordValue("h" + i, true) { Address = IPAddress.Parse("10.0.0." + i) }),
        .. Enumerable.Range(1, unhealthy).Select(i => new RecordValue("u" + i, false) { Address = IPAddress.Parse("10.0.1." + i) }),
    ]);

    [Fact]
    public void Select_MultivalueWithFewHealthy_ReturnsAllHealthyOnly()
    {
        var selected = RecordSelector.Select(Set("MULTIVALUE", 3, 2), new Random(1));

        Assert.Equal(3, selected.Count);
        Assert.All(selected, v => Assert.True(v.Healthy));
    }

    [Fact]
    public void Select_MultivalueWithManyHealthy_ReturnsEightDistinct()
    {
        for (var seed = 0; seed < 20; seed++)
        {
            var selected = RecordSelector.Select(Set("MULTIVALUE", 12, 0), new Random(seed));

            Assert.Equal(RecordSelector.MaxMultivalueAnswers, selected.Count);
            Assert.Equal(8, selected.Select(v => v.InstanceId).Distinct().Count());
        }
    }

    [Fact]
    public void Select_MultivalueNoneHealthy_AnswersAsIfAllWere()
    {
        var selected = RecordSelector.Select(Set("MULTIVALUE", 0, 3), new Random(1));

        Assert.Equal(3, selected.Count);
    }

    [Fact]
    public void Select_Weighted_ReturnsOneHealthyValueSpreadOverInstances()
    {
        var seen = new HashSet<string>();
        var random = new Random(42);
        for (var i = 0; i < 200; i++)
        {
            var value = Assert.Single(RecordSelector.Select(Set("WEIGHTED", 4, 4), random));
            Assert.True(value.Healthy);
            seen.Add(value.InstanceId);
        }

        Assert.Equal(4, seen.Count);
    }

    [Fact]
    public void Select_WeightedNoneHealthy_ReturnsOneOfAll()
    {
        var value = Assert.Single(RecordSelector.Select(Set("WEIGHTED", 0, 2), new Random(3)));

        Assert.False(value.Healthy);
    }

    [Fact]
    public void Select_Empty_ReturnsNothing()
    {
        Assert.Empty(RecordSelector.Select(new RecordSet("A", 30, "MULTIVALUE", []), new Random(1)));
    }
}
