using System.Buffers.Binary;
using System.Text;
using Wharf.Agent.Logs;
using Xunit;

namespace Wharf.Agent.Tests.Logs;

public sealed class LogLineAssemblerTests
{
    private const long T0 = 1_800_000_000_000_000_000L;

    private static DockerLogRecord Record(long nanos, string text, byte stream = 1) =>
        new(nanos, stream, Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Add_CompleteLines_OneEventEachWithMillisecondsAndPosition()
    {
        var assembler = new LogLineAssembler(LogPosition.Start);
        var lines = assembler.Add(Record(T0 + 1_500_000, "hello\n")).Concat(assembler.Add(Record(T0 + 2_000_000, "world\r\n"))).ToList();
        Assert.Equal(["hello", "world"], lines.Select(l => l.Message));
        Assert.Equal((T0 + 1_500_000) / 1_000_000, lines[0].Timestamp);
        Assert.Equal(new LogPosition(T0 + 2_000_000, 1), lines[1].Position);
    }

    [Fact]
    public void Add_PartialRecords_JoinedPerStream()
    {
        var assembler = new LogLineAssembler(LogPosition.Start);
        Assert.Empty(assembler.Add(Record(T0, "first half ")));
        Assert.Single(assembler.Add(Record(T0 + 1, "err\n", stream: 2)));
        var joined = Assert.Single(assembler.Add(Record(T0 + 2, "second half\n")));
        Assert.Equal("first half second half", joined.Message);
        Assert.Equal(T0 / 1_000_000, joined.Timestamp);
    }

    [Fact]
    public void Add_InvalidUtf8_ReplacedNotLost()
    {
        var assembler = new LogLineAssembler(LogPosition.Start);
        var line = Assert.Single(assembler.Add(new DockerLogRecord(T0, 1, new byte[] { (byte)'a', 0xff, 0xfe, (byte)'b', (byte)'\n' })));
        Assert.Equal("a\uFFFD\uFFFDb", line.Message);
    }

    [Fact]
    public void Add_ResumePosition_SkipsShippedRecordsIncludingSameTimestamp()
    {
        var assembler = new LogLineAssembler(new LogPosition(T0, 2));
        var lines = new[] { Record(T0 - 5, "old\n"), Record(T0, "a\n"), Record(T0, "b\n"), Record(T0, "c\n"), Record(T0 + 1, "d\n") }
            .SelectMany(assembler.Add).Select(l => l.Message);
        Assert.Equal(["c", "d"], lines);
    }

    [Fact]
    public void Split_LongLine_PiecesWithinLimitOnCharacterBoundaries()
    {
        var text = string.Concat(Enumerable.Repeat("é😀x", 60_000));
        var pieces = LogLineAssembler.Split(text);
        Assert.True(pieces.Count > 1);
        Assert.All(pieces, p => Assert.True(Encoding.UTF8.GetByteCount(p) <= LogLineAssembler.MaxEventBytes));
        Assert.Equal(text, string.Concat(pieces));
        Assert.All(pieces, p => Assert.False(char.IsHighSurrogate(p[^1])));
    }

    [Fact]
    public void Add_LongLine_OnlyLastPieceAdvancesPosition()
    {
        var assembler = new LogLineAssembler(LogPosition.Start);
        var pieces = assembler.Add(Record(T0, new string('z', 600_000) + "\n")).ToList();
        Assert.Equal(3, pieces.Count);
        Assert.Null(pieces[0].Position);
        Assert.Null(pieces[1].Position);
        Assert.NotNull(pieces[2].Position);
    }

    [Fact]
    public async Task Reader_MultiplexedFrames_RecordsWithStreamAndTimestamp()
    {
        using var body = new MemoryStream();
        Frame(body, 1, "2026-11-23T13:32:18.123456789Z out line\n");
        Frame(body, 2, "2026-11-23T13:32:19.000000001Z err line\n");
        body.Position = 0;
        var records = new List<DockerLogRecord>();
        await foreach (var r in DockerLogReader.ReadAsync(body, tty: false, CancellationToken.None))
        {
            records.Add(r);
        }

        Assert.Equal([1, 2], records.Select(r => (int)r.Stream));
        Assert.Equal("out line\n", Encoding.UTF8.GetString(records[0].Content.Span));
        Assert.Equal((DateTimeOffset.Parse("2026-11-23T13:32:18Z", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds() * 1_000_000_000L) + 123_456_789, records[0].UnixNanos);
        Assert.Equal($"{DateTimeOffset.Parse("2026-11-23T13:32:19Z", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds()}.000000001", DockerLogReader.Since(records[1].UnixNanos));
    }

    [Fact]
    public void Config_FromTaskDefinitionOptions_StreamNameAsEcs()
    {
        var task = new Wharf.Protocol.AgentChannel.TaskSpec
        {
            TaskArn = "arn:aws:ecs:us-east-1:000000000000:task/default/0123abcd",
            ClusterArn = "arn:aws:ecs:us-east-1:000000000000:cluster/default",
            Family = "f",
            Revision = 1,
            DesiredStatus = "RUNNING",
            Containers = [],
        };
        var container = new Wharf.Protocol.AgentChannel.ContainerSpec
        {
            Name = "web",
            Image = "wharf/web",
            LogConfiguration = new Wharf.Protocol.AgentChannel.LogConfigurationSpec
            {
                LogDriver = "awslogs",
                Options = new Dictionary<string, string>
                {
                    ["awslogs-group"] = "/ecs/web", ["awslogs-stream-prefix"] = "svc", ["awslogs-create-group"] = "true",
                    ["mode"] = "blocking", ["max-buffer-size"] = "25m",
                },
            },
        };
        var config = AwsLogsConfig.From(task, container)!;
        Assert.Equal("svc/web/0123abcd", config.StreamFor("c0ffee"));
        Assert.True(config.CreateGroup);
        Assert.True(config.Blocking);
        Assert.Equal(25L << 20, config.MaxBufferBytes);
        var labels = new Dictionary<string, string>();
        AwsLogsConfig.AddLabel(labels, task, container);
        Assert.Equal(config, AwsLogsConfig.FromLabels(labels));
        Assert.Null(AwsLogsConfig.From(task, container with { LogConfiguration = null }));
    }

    private static void Frame(Stream body, byte stream, string text)
    {
        var payload = Encoding.UTF8.GetBytes(text);
        var header = new byte[8];
        header[0] = stream;
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), (uint)payload.Length);
        body.Write(header);
        body.Write(payload);
    }
}
