using Wharf.LoadBalancer.Health;
using Xunit;

namespace Wharf.LoadBalancer.Tests.Health;

public sealed class HttpCodeMatcherTests
{
    [Theory]
    [InlineData("200", 200, true)]
    [InlineData("200", 204, false)]
    [InlineData("200,202", 202, true)]
    [InlineData("200-299", 250, true)]
    [InlineData("200-299,302", 302, true)]
    [InlineData("200-299", 404, false)]
    public void Matches_ElbSyntax_AcceptsListedCodes(string matcher, int code, bool expected) =>
        Assert.Equal(expected, HttpCodeMatcher.Matches(matcher, code));
}
