using System.Diagnostics;
using Wharf.EndToEnd.Tests.Infrastructure;

namespace Wharf.EndToEnd.Tests.SampleImages;

/// <summary>
/// The sample images (samples/images/build.sh) behave as the walkthrough and the later
/// health and deployment tests rely on. Plain Docker, no Wharf.
/// </summary>
[Trait("Category", "SampleImages")]
public sealed class WebImageTests
{
    // How long a container may take to start serving while the machine is busy.
    private static readonly TimeSpan Ready = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Root_AnyPath_AnswersHostnameThenEnvironment()
    {
        await using var web = await SampleContainer.RunAsync("-p", "127.0.0.1::80", "-e", "GREETING=hello there", "wharf/web:latest");
        var port = await web.HostPortAsync(80);

        var page = await Poll.UntilAsync("the web page", () => WebPage.GetAsync(port), p => p.Status == 200, Ready);
        var other = await WebPage.GetAsync(port, "/some/path?x=1");

        Assert.Equal(web.Id[..12], page.Hostname);
        Assert.Equal("hello there", page.Environment["GREETING"]);
        Assert.Equal("80", page.Environment["PORT"]);
        Assert.Equal("1.0", page.Environment["IMAGE_VERSION"]);
        Assert.Equal(web.Id[..12], page.Environment["HOSTNAME"]);
        Assert.False(page.Environment.ContainsKey("SHLVL"));
        Assert.Equal(200, other.Status);
        Assert.Equal(page.Body, other.Body);
    }

    [Fact]
    public async Task Listen_PortFromEnvironment_ServesThere()
    {
        await using var web = await SampleContainer.RunAsync("-p", "127.0.0.1::8080", "-e", "PORT=8080", "wharf/web:latest");
        var port = await web.HostPortAsync(8080);

        var page = await Poll.UntilAsync("the web page", () => WebPage.GetAsync(port), p => p.Status == 200, Ready);

        Assert.Equal("8080", page.Environment["PORT"]);
    }

    [Fact]
    public async Task Health_FailHealthAfterSeconds_TurnsFrom200To500()
    {
        // The clock starts with the container, not with the first request: 3 s were sometimes gone
        // before a busy machine's docker port and curl got there, and the first answer was already 500.
        await using var web = await SampleContainer.RunAsync("-p", "127.0.0.1::80", "-e", "FAIL_HEALTH_AFTER=20", "wharf/web:latest");
        var port = await web.HostPortAsync(80);

        var healthy = await Poll.UntilAsync("/health", () => Curl.GetAsync($"http://127.0.0.1:{port}/health"), r => r.Status != 0, Ready);
        var unhealthy = await Poll.UntilAsync("/health to fail", () => Curl.GetAsync($"http://127.0.0.1:{port}/health"), r => r.Status == 500, Ready);

        Assert.Equal(200, healthy.Status);
        Assert.Equal("ok\n", healthy.Body);
        Assert.Equal("unhealthy\n", unhealthy.Body);
    }

    [Fact]
    public async Task Health_UnhealthyFileCreated_Answers500()
    {
        await using var web = await SampleContainer.RunAsync("-p", "127.0.0.1::80", "wharf/web:latest");
        var port = await web.HostPortAsync(80);
        await Poll.UntilAsync("/health", () => Curl.GetAsync($"http://127.0.0.1:{port}/health"), r => r.Status == 200, Ready);

        await DockerCli.OkAsync("exec", web.Id, "touch", "/tmp/unhealthy");
        var reply = await Curl.GetAsync($"http://127.0.0.1:{port}/health");

        Assert.Equal(500, reply.Status);
    }

    [Fact]
    public async Task HealthCheck_CmdShellWget_DockerReportsHealthy()
    {
        // A start period: a check that runs before the server listens (a second after the start, on a busy
        // machine) does not count, as Docker documents it; the first one that passes makes it healthy.
        await using var web = await SampleContainer.RunAsync(
            "--health-cmd", "wget -q -O- http://localhost/health", "--health-interval", "1s", "--health-retries", "1",
            "--health-start-period", "60s", "wharf/web:latest");

        var status = await Poll.UntilAsync(
            "Docker health status",
            async () => (await DockerCli.InspectAsync(web.Id))?["State"]?["Health"]?["Status"]?.GetValue<string>(),
            s => s is "healthy" or "unhealthy",
            Ready);

        Assert.Equal("healthy", status);
    }

    [Fact]
    public async Task Stop_Sigterm_ExitsZeroRightAway()
    {
        await using var web = await SampleContainer.RunAsync("wharf/web:latest");
        await ListeningAsync(web);

        var watch = Stopwatch.StartNew();
        await DockerCli.OkAsync("stop", "-t", "20", web.Id);
        watch.Stop();
        var state = (await DockerCli.InspectAsync(web.Id))?["State"];

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"docker stop took {watch.Elapsed}");
        Assert.Equal(0, state?["ExitCode"]?.GetValue<int>());
    }

    [Fact]
    public async Task Stop_IgnoreSigtermSet_OnlySigkillStopsIt137()
    {
        await using var web = await SampleContainer.RunAsync("-e", "IGNORE_SIGTERM=1", "wharf/web:latest");
        await ListeningAsync(web);

        await DockerCli.OkAsync("stop", "-t", "1", web.Id);
        var state = (await DockerCli.InspectAsync(web.Id))?["State"];

        Assert.Equal(137, state?["ExitCode"]?.GetValue<int>());
    }

    [Theory]
    [InlineData("wharf/web:1.0", "1.0")]
    [InlineData("wharf/web:2.0", "2.0")]
    public async Task VersionTags_Exist_CarryTheirImageVersion(string image, string version)
    {
        var inspect = await DockerCli.InspectAsync(image);

        var env = inspect?["Config"]?["Env"]?.AsArray().Select(e => e!.GetValue<string>()).ToList();
        Assert.NotNull(env);
        Assert.Contains($"IMAGE_VERSION={version}", env);
    }

    [Fact]
    public async Task Busybox_ShellCommand_RunsAndKeepsItsExitCode()
    {
        var result = await DockerCli.RunAsync("run", "--rm", "--label", "wharf.e2e.sample=1", "wharf/busybox:latest", "sh", "-c", "echo hi from $(hostname); exit 3");

        Assert.Equal(3, result.ExitCode);
        Assert.StartsWith("hi from ", result.StdOut, StringComparison.Ordinal);
        Assert.NotNull(await DockerCli.InspectAsync("wharf/busybox:1.0"));
    }

    /// <summary>
    /// Waits for the line /web/start prints once its signal trap is set: a SIGTERM before it meets
    /// PID 1 without a handler, which the kernel ignores, and docker stop then waits its whole timeout.
    /// </summary>
    private static Task<ProcessResult> ListeningAsync(SampleContainer web) =>
        Poll.UntilAsync("wharf/web to listen", () => DockerCli.RunAsync("logs", web.Id),
            r => r.StdOut.Contains("wharf/web: listening", StringComparison.Ordinal), Ready, r => r.ToString());
}
