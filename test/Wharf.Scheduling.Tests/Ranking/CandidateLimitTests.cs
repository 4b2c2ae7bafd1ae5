using Wharf.Scheduling.Ranking;
using Xunit;

namespace Wharf.Scheduling.Tests.Ranking;

public sealed class CandidateLimitTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(3, 3)]
    [InlineData(100, 100)]
    [InlineData(101, 100)]
    [InlineData(5_000, 104)]
    [InlineData(10_000, 112)]
    [InlineData(1_000_000, 160)]
    public void For_ClusterSize_ScoresAllSmallThenLogarithmic(int instances, int limit)
    {
        Assert.Equal(limit, CandidateLimit.For(instances));
    }
}
