using Wharf.Protocol.Dispatch;
using Wharf.Protocol.Errors;
using Wharf.Protocol.Model;
using Wharf.Protocol.Query;

namespace Wharf.Protocol.Tests.Query;

/// <summary>Query decoding of the shapes the botocore vectors do not cover: maps, flattened lists and maps, nested lists, bad values.</summary>
public sealed class QueryReaderTests
{
    private static readonly ServiceModel Model = BuildModel();

    [Fact]
    public void ReadInput_Map_ReadsEntries()
    {
        var sample = Read("Attrs.entry.1.key=a&Attrs.entry.1.value=1&Attrs.entry.2.key=b&Attrs.entry.2.value=");

        Assert.Equal(new Dictionary<string, string> { ["a"] = "1", ["b"] = string.Empty }, sample.Attrs);
    }

    [Fact]
    public void ReadInput_FlattenedLists_ReadWithAndWithoutElementName()
    {
        var sample = Read("Flat.2=y&Flat.1=x&Item.1=r");

        Assert.Equal(["x", "y"], sample.Flat);
        Assert.Equal(["r"], sample.Renamed);
    }

    [Fact]
    public void ReadInput_FlattenedMapWithKeyValueNames_Reads()
    {
        var sample = Read("FlatMap.1.Name=k&FlatMap.1.Number=5");

        Assert.Equal(new Dictionary<string, int> { ["k"] = 5 }, sample.FlatMap);
    }

    [Fact]
    public void ReadInput_NestedLists_KeepOrderAcrossTenPlusElements()
    {
        var form = string.Join('&', Enumerable.Range(1, 11).Select(i => $"Nested.member.{i}.member.1=v{i}"));

        var sample = Read(form);

        Assert.Equal(Enumerable.Range(1, 11).Select(i => $"v{i}"), sample.Nested!.Select(l => l.Single()));
    }

    [Fact]
    public void ReadInput_Scalars_ParseInvariant()
    {
        var sample = Read("Count=-3&Enabled=TRUE&When=2024-01-02T03%3A04%3A05.123Z&Data=AQID");

        Assert.Equal(-3, sample.Count);
        Assert.True(sample.Enabled);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1704164645123), sample.When);
        Assert.Equal(new byte[] { 1, 2, 3 }, sample.Data);
    }

    [Theory]
    [InlineData("Count=abc")]
    [InlineData("Count=99999999999")]
    [InlineData("Enabled=yes")]
    [InlineData("When=yesterday")]
    [InlineData("Data=***")]
    [InlineData("Flat.x=1")]
    [InlineData("Attrs.entry.1.value=1")]
    public void ReadInput_BadValue_ValidationError(string form)
    {
        var ex = Assert.Throws<AwsServiceException>(() => Read(form));

        Assert.Equal("ValidationError", ex.Code);
        Assert.Equal(400, ex.StatusCode);
    }

    [Fact]
    public void Parse_FormEncoding_DecodesPlusAndPercent()
    {
        var request = QueryRequest.Parse("?Action=Go&Version=1&A=a+b%2Fc%C3%A9&A=second&Empty&=x");

        Assert.Equal("Go", request.Action);
        Assert.Equal("1", request.Version);
        Assert.Equal("a b/cé", request.Parameters["A"]);
        Assert.Equal(string.Empty, request.Parameters["Empty"]);
    }

    private static QuerySample Read(string form) =>
        (QuerySample)AwsProtocolCodecs.Query.ReadInput(Model.FindOperation("Go")!, QueryRequest.Parse(form))!;

    private static ServiceModel BuildModel()
    {
        var b = new ModelBuilder(new ServiceMetadata
        {
            Name = "Sample", ServiceId = "Sample", ApiVersion = "1", Protocols = [AwsProtocols.Query], SigningName = "sample", EndpointPrefix = "sample",
        });
        b.Scalar("String", ShapeType.String, typeof(string));
        b.Scalar("Integer", ShapeType.Integer, typeof(int));
        b.Scalar("Boolean", ShapeType.Boolean, typeof(bool));
        b.Scalar("Timestamp", ShapeType.Timestamp, typeof(DateTimeOffset));
        b.Scalar("Blob", ShapeType.Blob, typeof(byte[]));
        b.Map("Attrs", "String", "String", static () => new Dictionary<string, string>());
        b.Map("FlatMap", "String", "Integer", static () => new Dictionary<string, int>(), keyLocationName: "Name", valueLocationName: "Number", flattened: true);
        b.List("Strings", "String", static () => new List<string>());
        b.List("FlatStrings", "String", static () => new List<string>(), flattened: true);
        b.List("RenamedStrings", "String", static () => new List<string>(), memberLocationName: "Item", flattened: true);
        b.List("NestedStrings", "Strings", static () => new List<List<string>>());
        b.Structure("Sample", static () => new QuerySample())
            .Member("Attrs", "Attrs", "Attrs", static o => o.Attrs, static (o, v) => o.Attrs = (Dictionary<string, string>?)v)
            .Member("Flat", "Flat", "FlatStrings", static o => o.Flat, static (o, v) => o.Flat = (List<string>?)v)
            .Member("Renamed", "Renamed", "RenamedStrings", static o => o.Renamed, static (o, v) => o.Renamed = (List<string>?)v)
            .Member("FlatMap", "FlatMap", "FlatMap", static o => o.FlatMap, static (o, v) => o.FlatMap = (Dictionary<string, int>?)v)
            .Member("Nested", "Nested", "NestedStrings", static o => o.Nested, static (o, v) => o.Nested = (List<List<string>>?)v)
            .Member("Count", "Count", "Integer", static o => o.Count, static (o, v) => o.Count = (int?)v)
            .Member("Enabled", "Enabled", "Boolean", static o => o.Enabled, static (o, v) => o.Enabled = (bool?)v)
            .Member("When", "When", "Timestamp", static o => o.When, static (o, v) => o.When = (DateTimeOffset?)v)
            .Member("Data", "Data", "Blob", static o => o.Data, static (o, v) => o.Data = (byte[]?)v);
        b.Operation("Go", "Sample", null, []);
        return b.Build();
    }
}
