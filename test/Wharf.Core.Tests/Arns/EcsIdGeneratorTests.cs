using Wharf.Core.Arns;
using Xunit;

namespace Wharf.Core.Tests.Arns;

public sealed class EcsIdGeneratorTests
{
    private static readonly Guid s_guid = new("4ce75a22-f1c9-4ac2-8607-a503e7682c1d");

    private readonly EcsIdGenerator _ids = new(() => s_guid);

    [Fact]
    public void NewTaskId_FixedGuid_32LowercaseHex()
    {
        Assert.Equal("4ce75a22f1c94ac28607a503e7682c1d", _ids.NewTaskId());
        Assert.True(EcsIds.IsValidTaskId(_ids.NewTaskId()));
    }

    [Fact]
    public void NewContainerInstanceId_FixedGuid_32LowercaseHex() =>
        Assert.Equal("4ce75a22f1c94ac28607a503e7682c1d", _ids.NewContainerInstanceId());

    [Fact]
    public void NewContainerId_FixedGuid_Uuid()
    {
        Assert.Equal("4ce75a22-f1c9-4ac2-8607-a503e7682c1d", _ids.NewContainerId());
        Assert.True(EcsIds.IsValidContainerId(_ids.NewContainerId()));
    }

    [Fact]
    public void NewDeploymentId_FixedGuid_DeterministicEcsSvcWith19Digits()
    {
        var id = _ids.NewDeploymentId();
        Assert.Equal(id, _ids.NewTaskSetId());
        Assert.Matches("^ecs-svc/[1-9][0-9]{18}$", id);
        Assert.True(EcsIds.IsValidServiceScopedId(id));
    }

    [Fact]
    public void Random_ManyIds_AllDistinctAndWellFormed()
    {
        var ids = Enumerable.Range(0, 1000).Select(_ => EcsIdGenerator.Random.NewTaskId()).ToHashSet();
        Assert.Equal(1000, ids.Count);
        Assert.All(ids, id => Assert.Matches("^[0-9a-f]{32}$", id));
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef", true)]
    [InlineData("2f0b9f3e-4d2b-4ccf-a8c4-d454db0ee121", true)]
    [InlineData("0123456789abcdef", false)]
    [InlineData("zz23456789abcdef0123456789abcdef", false)]
    [InlineData(null, false)]
    public void IsValidTaskId_Shapes_LengthAndHex(string? id, bool expected) =>
        Assert.Equal(expected, EcsIds.IsValidTaskId(id));

    [Theory]
    [InlineData("stage01", true)]
    [InlineData("A_b-9", true)]
    [InlineData("", false)]
    [InlineData("has space", false)]
    [InlineData("dot.ted", false)]
    [InlineData("slash/ed", false)]
    public void IsValidName_Names_EcsRule(string name, bool expected) =>
        Assert.Equal(expected, ResourceNames.IsValidName(name));

    [Theory]
    [InlineData("spot", true)]
    [InlineData("FARGATE_SPOT", false)]
    [InlineData("awsThing", false)]
    [InlineData("Ecs1", false)]
    public void IsValidCapacityProviderName_ReservedPrefixes_Rejected(string name, bool expected) =>
        Assert.Equal(expected, ResourceNames.IsValidCapacityProviderName(name));
}
