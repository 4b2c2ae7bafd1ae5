using Wharf.Protocol.AgentChannel;
using Wharf.Protocol.Errors;
using Wharf.Server.Logs.Common;
using Wharf.Server.Logs.Ingest;
using Xunit;

namespace Wharf.Server.Tests.Logs;

public sealed class LogEventBatchTests
{
    private const long Now = 1_800_000_000_000L;
    private static readonly long Day = (long)TimeSpan.FromDays(1).TotalMilliseconds;
    private static readonly long Hour = (long)TimeSpan.FromHours(1).TotalMilliseconds;

    [Fact]
    public void Check_InOrderRecent_AllAccepted()
    {
        var verdict = LogEventBatch.Check([(Now - 2, "a"), (Now - 1, "b"), (Now, "c")], Now, null);
        Assert.Equal((0, 3), (verdict.Start, verdict.End));
        Assert.False(verdict.AnyRejected);
    }

    [Fact]
    public void Check_OutOfOrder_Refused()
    {
        var error = Assert.Throws<AwsServiceException>(() => LogEventBatch.Check([(Now, "b"), (Now - 1, "a")], Now, null));
        Assert.Equal("InvalidParameterException", error.Code);
    }

    [Fact]
    public void Check_TooOldAndTooNew_ReportedByIndexRestStored()
    {
        var verdict = LogEventBatch.Check(
            [(Now - (15 * Day), "old"), (Now - Hour, "ok1"), (Now, "ok2"), (Now + (3 * Hour), "future")], Now, null);
        Assert.Equal((1, 3), (verdict.Start, verdict.End));
        Assert.Equal(1, verdict.TooOldEndIndex);
        Assert.Equal(3, verdict.TooNewStartIndex);
        Assert.Null(verdict.ExpiredEndIndex);
    }

    [Fact]
    public void Check_OlderThanRetention_Expired()
    {
        var verdict = LogEventBatch.Check([(Now - (2 * Day), "expired"), (Now, "kept")], Now, retentionDays: 1);
        Assert.Equal((1, 2), (verdict.Start, verdict.End));
        Assert.Equal(1, verdict.ExpiredEndIndex);
        Assert.Null(verdict.TooOldEndIndex);
    }

    [Fact]
    public void Check_TooLargeOrSpanningMoreThanADay_Refused()
    {
        var big = new string('x', 600_000);
        Assert.Equal("InvalidParameterException", Assert.Throws<AwsServiceException>(() => LogEventBatch.Check([(Now, big), (Now, big)], Now, null)).Code);
        Assert.Equal("InvalidParameterException",
            Assert.Throws<AwsServiceException>(() => LogEventBatch.Check([(Now - (2 * Day), "a"), (Now, "b")], Now, retentionDays: 30)).Code);
    }

    [Fact]
    public void Chunks_AgentLines_CutToPutLogEventsLimits()
    {
        var lines = Enumerable.Range(0, 25_000).Select(i => new LogLine(Now + i, "l")).ToList();
        var chunks = AgentLogIngest.Chunks(lines).ToList();
        Assert.Equal([10_000, 10_000, 5_000], chunks.Select(c => c.Count));

        var wide = new List<LogLine> { new(Now - (2 * Day), "a"), new(Now, "b") };
        Assert.Equal(2, AgentLogIngest.Chunks(wide).Count());

        var heavy = Enumerable.Range(0, 5).Select(i => new LogLine(Now, new string('y', 300_000))).ToList();
        Assert.All(AgentLogIngest.Chunks(heavy), c => Assert.True(c.Sum(e => e.Message.Length + 26) <= LogEventBatch.MaxBatchBytes));
    }
}
