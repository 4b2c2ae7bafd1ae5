using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Wharf.Protocol.Generated.CloudWatchLogs;
using Wharf.Server.Api;
using Wharf.Server.Logs;
using Wharf.Server.Logs.Api.Events;
using Wharf.Server.Logs.Common;
using Wharf.Server.Logs.Retention;
using Wharf.Server.Logs.Storage;
using Xunit;

namespace Wharf.Server.Tests.Logs;

/// <summary>The log store on a real SQLite file (a temporary one), with GetLogEvents' paging and the retention sweep over it.</summary>
public sealed class LogStoreTests : IDisposable
{
    private static readonly OperationContext Context = new("req", "AKIA", "us-east-1");
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "wharf-logs-test-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
    private readonly LogsOptions _options;
    private readonly LogStore _store;

    public LogStoreTests()
    {
        _options = new LogsOptions(Path.Combine(_directory, "logs.db"), MaxStoredBytes: 0, SweepInterval: TimeSpan.FromMinutes(1));
        _store = new LogStore(_options, NullLogger<LogStore>.Instance);
    }

    private long Now => _time.GetUtcNow().ToUnixTimeMilliseconds();

    public void Dispose()
    {
        _store.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task GetLogEvents_Tokens_PageForwardBackwardAndStopAtTheEnd()
    {
        var stream = await StreamWithAsync("g", "s", [.. Enumerable.Range(1, 5).Select(i => new NewLogEvent(Now - 10 + i, $"e{i}"))]);
        var handler = new GetLogEventsHandler(_store, new LogGroupResolver(_store, Names()));

        async Task<GetLogEventsResponse> Get(string? token, bool? head = null) => await handler.HandleAsync(
            new GetLogEventsRequest { LogGroupName = "g", LogStreamName = stream, Limit = 2, NextToken = token, StartFromHead = head }, Context, default);

        var first = await Get(null, head: true);
        Assert.Equal(["e1", "e2"], first.Events!.Select(e => e.Message));
        var second = await Get(first.NextForwardToken);
        Assert.Equal(["e3", "e4"], second.Events!.Select(e => e.Message));
        var third = await Get(second.NextForwardToken);
        Assert.Equal(["e5"], third.Events!.Select(e => e.Message));
        var end = await Get(third.NextForwardToken);
        Assert.Empty(end.Events!);
        Assert.Equal(third.NextForwardToken, end.NextForwardToken);

        var last = await Get(null);
        Assert.Equal(["e4", "e5"], last.Events!.Select(e => e.Message));
        var before = await Get(last.NextBackwardToken);
        Assert.Equal(["e2", "e3"], before.Events!.Select(e => e.Message));

        await _store.AppendAsync((await _store.GetStreamAsync((await _store.GetGroupAsync("g", default))!.Id, stream, default))!.Id, [new NewLogEvent(Now, "e6")], Now, default);
        Assert.Equal(["e6"], (await Get(end.NextForwardToken)).Events!.Select(e => e.Message));
    }

    [Fact]
    public async Task Sweep_Retention_DeletesOnlyExpiredEventsOfThatGroup()
    {
        var day = (long)TimeSpan.FromDays(1).TotalMilliseconds;
        await StreamWithAsync("short", "s", [new NewLogEvent(Now - (3 * day), "old"), new NewLogEvent(Now - 1000, "new")]);
        await StreamWithAsync("forever", "s", [new NewLogEvent(Now - (3 * day), "old")]);
        Assert.True(await _store.SetRetentionAsync("short", 1, default));

        var sweeper = new RetentionSweeper(_store, _options, _time, NullLogger<RetentionSweeper>.Instance);
        var (expired, trimmed) = await sweeper.SweepAsync(default);

        Assert.Equal((1L, 0L), (expired, trimmed));
        Assert.Equal(["new"], await MessagesAsync("short"));
        Assert.Equal(["old"], await MessagesAsync("forever"));
        Assert.Equal(3, (await _store.GetGroupAsync("short", default))!.StoredBytes);
    }

    [Fact]
    public async Task Sweep_OverBudget_DeletesOldestEventsFirst()
    {
        await StreamWithAsync("a", "s", [.. Enumerable.Range(0, 5).Select(i => new NewLogEvent(Now - 100 + i, $"aaaa{i}"))]);
        await StreamWithAsync("b", "s", [new NewLogEvent(Now - 50, "bbbbb")]);
        var sweeper = new RetentionSweeper(_store, _options with { MaxStoredBytes = 10 }, _time, NullLogger<RetentionSweeper>.Instance);

        var (_, trimmed) = await sweeper.SweepAsync(default);

        Assert.Equal(4, trimmed);
        Assert.Equal(["aaaa4"], await MessagesAsync("a"));
        Assert.Equal(["bbbbb"], await MessagesAsync("b"));
        Assert.True(await _store.StoredBytesAsync(default) <= 10);
    }

    private LogsNames Names() => new(new WharfServerOptions { DataDirectory = _directory });

    private async Task<string> StreamWithAsync(string group, string stream, IReadOnlyList<NewLogEvent> events)
    {
        var row = await _store.EnsureStreamAsync(group, stream, createGroup: true, Now, default);
        Assert.True(await _store.AppendAsync(row!.Id, events, Now, default));
        return stream;
    }

    private async Task<IEnumerable<string>> MessagesAsync(string group)
    {
        var g = await _store.GetGroupAsync(group, default);
        var events = await _store.ScanGroupAsync(g!.Id, null, null, null, null, null, 100, default);
        return events.Select(e => e.Event.Message);
    }
}
