using Wharf.Protocol.Errors;
using Wharf.Server.Logs.Common;
using Wharf.Server.Logs.Storage;
using Xunit;

namespace Wharf.Server.Tests.Logs;

public sealed class EventTokenTests
{
    [Theory]
    [InlineData(true, 1_700_000_000_000L, 42L)]
    [InlineData(false, -1L, long.MaxValue)]
    [InlineData(true, long.MinValue, long.MinValue)]
    public void ToString_Parse_RoundTrips(bool forward, long timestamp, long id)
    {
        var token = new EventToken(forward, new EventPosition(timestamp, id));
        var text = token.ToString();
        Assert.StartsWith(forward ? "f/" : "b/", text, StringComparison.Ordinal);
        Assert.EndsWith("/s", text, StringComparison.Ordinal);
        Assert.Equal(token, EventToken.Parse(text));
    }

    [Theory]
    [InlineData("f/garbage")]
    [InlineData("x/0000000000000000000000000000000000000000/s")]
    [InlineData("f/000000000000000000000000000000000000000/s")]
    [InlineData("")]
    public void Parse_Malformed_InvalidParameterException(string token)
    {
        var error = Assert.Throws<AwsServiceException>(() => EventToken.Parse(token));
        Assert.Equal("InvalidParameterException", error.Code);
    }

    [Fact]
    public void FilterToken_RoundTripsAndRefusesGarbage()
    {
        var position = new EventPosition(123, 456);
        Assert.Equal(position, FilterToken.Decode(FilterToken.Encode(position)));
        Assert.Null(FilterToken.Decode(null));
        Assert.Equal("InvalidParameterException", Assert.Throws<AwsServiceException>(() => FilterToken.Decode("garbage")).Code);
    }

    [Fact]
    public void EventPosition_OrdersByTimestampThenId()
    {
        Assert.True(new EventPosition(1, 9).CompareTo(new EventPosition(2, 1)) < 0);
        Assert.True(new EventPosition(2, 1).CompareTo(new EventPosition(2, 2)) < 0);
    }
}
