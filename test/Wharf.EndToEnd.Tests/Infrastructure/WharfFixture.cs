using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Wharf.EndToEnd.Tests.Infrastructure;

/// <summary>
/// One Wharf instance for one test class (<c>IClassFixture&lt;WharfFixture&gt;</c>): the built
/// <c>wharf up</c> on a free port with its own temporary data directory, home, join token and
/// account id, so classes run side by side on one Docker Engine. The account id is unique per
/// instance, which makes every task ARN, and so every task container's
/// <c>com.amazonaws.ecs.task-arn</c> label, tell which instance it belongs to. Task containers get
/// no Wharf DNS server (<c>WHARF_DNS_CONTAINER_ADDRESS=off</c>): only one instance can own the
/// bridge gateway's port 53, so the classes that need it opt in through a subclass.
/// </summary>
public class WharfFixture : IAsyncLifetime
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);
    private readonly string root;
    private readonly Dictionary<string, string?> environment;
    private WharfProcess? process;

    public WharfFixture()
        : this(new Dictionary<string, string?>())
    {
    }

    /// <summary>An instance whose process also gets <paramref name="extraEnvironment"/> (it wins over the defaults).</summary>
    protected WharfFixture(IReadOnlyDictionary<string, string?> extraEnvironment)
    {
        root = Directory.CreateTempSubdirectory("wharf-e2e-").FullName;
        DataDirectory = Path.Combine(root, "data");
        Port = FreePorts.Tcp();
        AccountId = "4242" + Random.Shared.Next(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);
        JoinToken = Guid.NewGuid().ToString("N");
        Endpoint = new Uri($"http://127.0.0.1:{Port}");
        Aws = new AwsCli(Endpoint);
        Log = new WharfLog(Path.Combine(root, "wharf.log"));
        environment = new Dictionary<string, string?> { ["HOME"] = root, ["WHARF_DNS_CONTAINER_ADDRESS"] = "off" };
        foreach (var (name, value) in extraEnvironment)
        {
            environment[name] = value;
        }
    }

    public int Port { get; }

    public Uri Endpoint { get; }

    public string AccountId { get; }

    public string JoinToken { get; }

    public string DataDirectory { get; }

    public AwsCli Aws { get; }

    public WharfLog Log { get; }

    /// <summary>The process running now, if any.</summary>
    public WharfProcess? Process => process;

    /// <summary>The command line after <c>wharf</c>.</summary>
    public IReadOnlyList<string> Arguments =>
    [
        "up",
        "--port", Port.ToString(CultureInfo.InvariantCulture),
        "--data-dir", DataDirectory,
        "--account-id", AccountId,
        "--join-token", JoinToken,
    ];

    /// <summary>Starts the instance (<see cref="StartAsync"/>); a subclass may decide not to, e.g. when its tests are skipped.</summary>
    public virtual Task InitializeAsync() => StartAsync();

    /// <summary>Starts <c>wharf up</c> and waits until <c>/healthz</c> answers 200.</summary>
    public async Task StartAsync()
    {
        if (process is { HasExited: false })
        {
            throw new InvalidOperationException("Wharf is already running.");
        }

        process?.Dispose();
        RecordAccount();
        process = WharfProcess.Start(Arguments, environment, Log);
        await WaitUntilReadyAsync(process);
    }

    /// <summary>
    /// Stops <c>wharf up</c>: Ctrl-C (SIGINT) as a user does, or, with <paramref name="crash"/>,
    /// SIGKILL as a crash or an OOM kill would.
    /// </summary>
    /// <returns>False when a Ctrl-C did not stop it within 20 s (it was killed then).</returns>
    public async Task<bool> StopAsync(bool crash = false)
    {
        if (process is null)
        {
            return true;
        }

        if (crash)
        {
            await process.KillAsync();
            return true;
        }

        return await process.InterruptAsync(TimeSpan.FromSeconds(20));
    }

    /// <summary>The task containers of this instance (see the type comment), running or not.</summary>
    public async Task<IReadOnlyList<TaskContainer>> OwnContainersAsync() =>
        (await DockerCli.TaskContainersAsync()).Where(c => c.TaskArn.Contains($":{AccountId}:", StringComparison.Ordinal)).ToList();

    /// <summary>What a failing test prints: where this instance ran and its last output.</summary>
    public string Describe() =>
        $"Wharf on {Endpoint} (account {AccountId}, data {DataDirectory}, log {Log.Path}, "
        + $"process {(process is null ? "never started" : process.HasExited ? $"exited {process.ExitCode}" : $"pid {process.Id}")}). Last output:\n"
        + Log.Tail();

    public virtual async Task DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            // wharf up leaves task containers running when it stops (the agent re-adopts them on
            // the next start); a test instance has no next start.
            await DockerCli.RemoveAsync((await OwnContainersAsync()).Select(c => c.Id));
            process?.Dispose();
            Log.Dispose();
            KeepOrDeleteFiles();
        }
    }

    private async Task WaitUntilReadyAsync(WharfProcess started)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var healthz = new Uri(Endpoint, "/healthz");
        var waitStart = Stopwatch.GetTimestamp();
        string last = "no answer yet";
        while (Stopwatch.GetElapsedTime(waitStart) < ReadyTimeout)
        {
            if (started.HasExited)
            {
                throw new InvalidOperationException($"wharf exited ({started.ExitCode}) before {healthz} answered.\n{Describe()}");
            }

            try
            {
                using var response = await http.GetAsync(healthz);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                last = $"HTTP {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}";
            }
            catch (HttpRequestException ex)
            {
                last = ex.Message;
            }
            catch (TaskCanceledException)
            {
                last = "request timed out";
            }

            await Task.Delay(Poll.Interval);
        }

        throw new TimeoutException($"{healthz} did not answer 200 within {ReadyTimeout.TotalSeconds:0}s (last: {last}).\n{Describe()}");
    }

    /// <summary>
    /// Leaves the account id in <c>$WHARF_E2E_LOG_DIR/accounts</c>, so that <c>./test.sh</c> removes
    /// this instance's containers after the run even when the instance was killed before it could,
    /// and only this run's.
    /// </summary>
    private void RecordAccount()
    {
        if (Environment.GetEnvironmentVariable("WHARF_E2E_LOG_DIR") is { Length: > 0 } logDir)
        {
            var accounts = Directory.CreateDirectory(Path.Combine(logDir, "accounts"));
            File.WriteAllText(Path.Combine(accounts.FullName, AccountId), "");
        }
    }

    private void KeepOrDeleteFiles()
    {
        if (Environment.GetEnvironmentVariable("WHARF_E2E_LOG_DIR") is { Length: > 0 } logDir)
        {
            Directory.CreateDirectory(logDir);
            File.Copy(Log.Path, Path.Combine(logDir, $"wharf-{AccountId}.log"), overwrite: true);
        }

        if (Environment.GetEnvironmentVariable("WHARF_E2E_KEEP") != "1")
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // Files written by containers as another user; the temp folder is cleaned later.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
