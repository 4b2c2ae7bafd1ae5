using Wharf.Core.Model;
using Xunit;
using EcsAttribute = Wharf.Protocol.Generated.Ecs.Attribute;
using Wharf.Protocol.Generated.Ecs;
using Task = System.Threading.Tasks.Task;

namespace Wharf.Server.Tests.Ecs.Attributes;

public sealed class AttributeHandlerTests
{
    private readonly EcsTestBed bed = new();

    private Task<PutAttributesResponse> PutAsync(params EcsAttribute[] attributes) =>
        bed.PutAttributes.HandleAsync(new PutAttributesRequest { Attributes = [.. attributes] }, EcsTestBed.Context, default).AsTask();

    private async Task<List<EcsAttribute>> ListAsync(string? name = null, string? value = null) =>
        (await bed.ListAttributes.HandleAsync(
            new ListAttributesRequest { TargetType = "container-instance", AttributeName = name, AttributeValue = value }, EcsTestBed.Context, default))
            .Attributes!;

    private static EcsAttribute On(ContainerInstanceRecord instance, string name, string? value = null) =>
        new() { Name = name, Value = value, TargetType = "container-instance", TargetId = instance.Id };

    [Fact]
    public async Task PutAttributes_NewAndExistingNames_AreStoredOnTheInstance()
    {
        await bed.CreateClusterAsync();
        var instance = await bed.AddInstanceAsync();

        await PutAsync(On(instance, "stack", "blue"), On(instance, "gpu"));
        await PutAsync(On(instance, "stack", "green"));

        var stored = (await bed.State.GetAsync<ContainerInstanceRecord>(StateKinds.ContainerInstance, instance.Arn, default))!.Value;
        Assert.Contains(new AttributeRecord("stack", "green"), stored.Attributes);
        Assert.Contains(new AttributeRecord("gpu", null), stored.Attributes);
        Assert.Equal(3, stored.Version);
    }

    [Fact]
    public async Task ListAttributes_ByNameAndValue_ReturnsMatchesWithTheirTarget()
    {
        await bed.CreateClusterAsync();
        var a = await bed.AddInstanceAsync(zone: "us-east-1a");
        await bed.AddInstanceAsync(zone: "us-east-1b");

        var all = await ListAsync("ecs.availability-zone");
        var one = await ListAsync("ecs.availability-zone", "us-east-1a");

        Assert.Equal(2, all.Count);
        var match = Assert.Single(one);
        Assert.Equal((a.Arn, "container-instance"), (match.TargetId, match.TargetType));
    }

    [Fact]
    public async Task ListAttributes_ValueWithoutName_IsInvalidParameter()
    {
        await bed.CreateClusterAsync();

        var error = await EcsTestBed.FailsAsync(() => ListAsync(value: "x"));

        Assert.Equal("InvalidParameterException", error.Code);
    }

    [Fact]
    public async Task DeleteAttributes_ByName_RemovesThem()
    {
        await bed.CreateClusterAsync();
        var instance = await bed.AddInstanceAsync();
        await PutAsync(On(instance, "stack", "blue"));

        await bed.DeleteAttributes.HandleAsync(
            new DeleteAttributesRequest { Attributes = [new EcsAttribute { Name = "stack", TargetId = instance.Arn }] }, EcsTestBed.Context, default);

        Assert.Empty(await ListAsync("stack"));
    }

    [Fact]
    public async Task PutAttributes_UnknownTarget_IsTargetNotFound()
    {
        await bed.CreateClusterAsync();

        var error = await EcsTestBed.FailsAsync(() => PutAsync(new EcsAttribute
        {
            Name = "stack", Value = "blue", TargetType = "container-instance", TargetId = new string('c', 32),
        }));

        Assert.Equal("TargetNotFoundException", error.Code);
    }

    [Fact]
    public async Task PutAttributes_EleventhCustomAttribute_IsAttributeLimitExceeded()
    {
        await bed.CreateClusterAsync();
        var instance = await bed.AddInstanceAsync();
        await PutAsync(Enumerable.Range(0, 10).Select(i => On(instance, $"custom{i}", "v")).ToArray());

        var error = await EcsTestBed.FailsAsync(() => PutAsync(On(instance, "one-more", "v")));

        Assert.Equal("AttributeLimitExceededException", error.Code);
    }

    [Theory]
    [InlineData("bad name!", "v")]
    [InlineData("name", " leading")]
    [InlineData("name", "semi;colon")]
    public async Task PutAttributes_BadNameOrValue_IsInvalidParameter(string name, string value)
    {
        await bed.CreateClusterAsync();
        var instance = await bed.AddInstanceAsync();

        var error = await EcsTestBed.FailsAsync(() => PutAsync(On(instance, name, value)));

        Assert.Equal("InvalidParameterException", error.Code);
    }

    [Fact]
    public async Task PutAttributes_ShortIdWithoutTargetType_IsInvalidParameter()
    {
        await bed.CreateClusterAsync();
        var instance = await bed.AddInstanceAsync();

        var error = await EcsTestBed.FailsAsync(() => PutAsync(new EcsAttribute { Name = "stack", Value = "x", TargetId = instance.Id }));

        Assert.Equal("InvalidParameterException", error.Code);
    }
}
