using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Wharf.EndToEnd.Tests.Infrastructure;

namespace Wharf.EndToEnd.Tests.SampleImages;

/// <summary>
/// wharf/redis (Debian's redis-server on scratch) and wharf/bookingapp (busybox, counting its hits
/// in Redis over RESP) behave as the service discovery walkthrough relies on. Plain Docker, no Wharf:
/// the Redis name is given to the app's container with <c>--add-host</c>.
/// </summary>
[Trait("Category", "SampleImages")]
public sealed partial class BookingAppImageTests
{
    // How long a container may take to start serving while the machine is busy.
    private static readonly TimeSpan Ready = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Redis_Resp_AnswersPingAndCountsWithIncr()
    {
        await using var redis = await SampleContainer.RunAsync("-p", "127.0.0.1::6379", "wharf/redis:latest");
        var port = await redis.HostPortAsync(6379);

        var pong = await Poll.UntilAsync("redis to answer PING", () => RespAsync(port, "PING"), r => r.StartsWith('+'), Ready);
        var first = await RespAsync(port, "INCR", "k");
        var second = await RespAsync(port, "INCR", "k");

        Assert.Equal("+PONG", pong);
        Assert.Equal(":1", first);
        Assert.Equal(":2", second);
    }

    [Fact]
    public async Task BookingApp_RedisByName_EachHitIncrementsTheCount()
    {
        await using var redis = await SampleContainer.RunAsync("wharf/redis:latest");
        var redisIp = await ContainerIpAsync(redis.Id);
        await using var app = await SampleContainer.RunAsync(
            "-p", "127.0.0.1::80", "--add-host", $"redis.internal-bookingapp.com:{redisIp}", "wharf/bookingapp:latest");
        var port = await app.HostPortAsync(80);

        var first = await Poll.UntilAsync("the booking app to count a hit", () => Curl.GetAsync($"http://127.0.0.1:{port}/"), r => r.Status == 200, Ready);
        var second = await Curl.GetAsync($"http://127.0.0.1:{port}/");
        var health = await Curl.GetAsync($"http://127.0.0.1:{port}/health");
        var missing = await Curl.GetAsync($"http://127.0.0.1:{port}/nope");

        Assert.Equal(Visits(first.Body) + 1, Visits(second.Body));
        Assert.Contains($"served by: {app.Id[..12]}", second.Body, StringComparison.Ordinal);
        Assert.Equal((200, "ok\n"), (health.Status, health.Body));
        Assert.Equal(404, missing.Status);
    }

    [Fact]
    public async Task BookingApp_RedisFromEnvironment_UsesThatHostPortAndKey()
    {
        await using var redis = await SampleContainer.RunAsync("-p", "127.0.0.1::6380", "wharf/redis:latest", "--bind", "0.0.0.0", "--port", "6380", "--protected-mode", "no", "--save", "");
        var redisIp = await ContainerIpAsync(redis.Id);
        await using var app = await SampleContainer.RunAsync(
            "-p", "127.0.0.1::8080", "-e", "PORT=8080", "-e", $"REDIS_HOST={redisIp}", "-e", "REDIS_PORT=6380", "-e", "REDIS_KEY=bookings",
            "wharf/bookingapp:latest");
        var port = await app.HostPortAsync(8080);

        var hit = await Poll.UntilAsync("the booking app to count a hit", () => Curl.GetAsync($"http://127.0.0.1:{port}/"), r => r.Status == 200, Ready);
        var stored = await RespAsync(await redis.HostPortAsync(6380), "GET", "bookings");

        Assert.Equal(1, Visits(hit.Body));
        Assert.Equal("$1", stored);
    }

    [Fact]
    public async Task BookingApp_RedisUnreachable_Answers503NamingIt()
    {
        await using var app = await SampleContainer.RunAsync("-p", "127.0.0.1::80", "-e", "REDIS_HOST=127.0.0.1", "-e", "REDIS_PORT=1", "wharf/bookingapp:latest");
        var port = await app.HostPortAsync(80);

        var reply = await Poll.UntilAsync("the booking app to answer", () => Curl.GetAsync($"http://127.0.0.1:{port}/"), r => r.Status != 0, Ready);

        Assert.Equal(503, reply.Status);
        Assert.Contains("redis at 127.0.0.1:1 failed", reply.Body, StringComparison.Ordinal);
    }

    private static int Visits(string body) =>
        VisitsPattern().Match(body) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : throw new FormatException($"No visit count in:\n{body}");

    private static async Task<string> ContainerIpAsync(string id) =>
        (await DockerCli.OkAsync("inspect", "-f", "{{.NetworkSettings.IPAddress}}", id)).Trim();

    /// <summary>Sends one RESP command and returns the first line of the reply ("" when nothing answers).</summary>
    private static async Task<string> RespAsync(int port, params string[] command)
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await client.ConnectAsync("127.0.0.1", port, timeout.Token);
            var request = new StringBuilder().Append(CultureInfo.InvariantCulture, $"*{command.Length}\r\n");
            foreach (var part in command)
            {
                request.Append(CultureInfo.InvariantCulture, $"${Encoding.UTF8.GetByteCount(part)}\r\n{part}\r\n");
            }

            var stream = client.GetStream();
            await stream.WriteAsync(Encoding.UTF8.GetBytes(request.ToString()), timeout.Token);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return await reader.ReadLineAsync(timeout.Token) ?? "";
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException)
        {
            return "";
        }
    }

    [GeneratedRegex(@"^visits: (\d+)$", RegexOptions.Multiline)]
    private static partial Regex VisitsPattern();
}
