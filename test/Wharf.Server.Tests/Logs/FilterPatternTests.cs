using Wharf.Protocol.Errors;
using Wharf.Server.Logs.FilterPatterns;
using Xunit;

namespace Wharf.Server.Tests.Logs;

public sealed class FilterPatternTests
{
    [Theory]
    [InlineData("", "anything", true)]
    [InlineData("\"\"", "anything", true)]
    [InlineData("ERROR", "[ERROR] disk full", true)]
    [InlineData("ERROR", "[error] disk full", false)]
    [InlineData("ERROR disk", "[ERROR] disk full", true)]
    [InlineData("ERROR memory", "[ERROR] disk full", false)]
    [InlineData("\"disk full\"", "[ERROR] disk full", true)]
    [InlineData("\"full disk\"", "[ERROR] disk full", false)]
    [InlineData("ERROR -disk", "[ERROR] disk full", false)]
    [InlineData("ERROR -memory", "[ERROR] disk full", true)]
    [InlineData("?WARN ?ERROR", "[ERROR] disk full", true)]
    [InlineData("?WARN ?INFO", "[ERROR] disk full", false)]
    [InlineData("disk ?WARN ?ERROR", "[ERROR] disk full", true)]
    [InlineData("memory ?WARN ?ERROR", "[ERROR] disk full", false)]
    [InlineData("%d[a-z]+k%", "[ERROR] disk full", true)]
    [InlineData("-%^\\[INFO%", "[ERROR] disk full", true)]
    [InlineData("\"say \\\"hi\\\"\"", "they say \"hi\"", true)]
    public void Matches_Terms_AsCloudWatchLogs(string pattern, string message, bool expected) =>
        Assert.Equal(expected, FilterPatternParser.Parse(pattern).Matches(message));

    [Theory]
    [InlineData("{ $.level = \"ERROR\" }")]
    [InlineData("[ip, user]")]
    [InlineData("\"unterminated")]
    [InlineData("%([a-z%")]
    [InlineData("bad\"quote")]
    public void Parse_Unsupported_InvalidParameterException(string pattern)
    {
        var error = Assert.Throws<AwsServiceException>(() => FilterPatternParser.Parse(pattern));
        Assert.Equal("InvalidParameterException", error.Code);
    }
}
