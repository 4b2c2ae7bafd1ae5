using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Wharf.EndToEnd.Tests.Infrastructure;

namespace Wharf.EndToEnd.Tests.Terraform;

/// <summary>
/// <c>wharf up</c> for the Terraform tests: own port, data directory, home and account id, and its
/// DNS server on a free high port (<c>WHARF_DNS_PORT</c>) so the stack's namespace can be asked
/// for with <c>dig</c>. Starts nothing when Terraform is missing (the tests are skipped then).
/// </summary>
public sealed class TerraformFixture : IAsyncLifetime
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(120);
    private readonly string root;
    private WharfProcess? process;

    public TerraformFixture()
    {
        root = Directory.CreateTempSubdirectory("wharf-e2e-tf-wharf-").FullName;
        Port = FreePort();
        DnsPort = FreePort();
        AccountId = "4545" + Random.Shared.Next(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);
        Endpoint = new Uri($"http://127.0.0.1:{Port}");
        Aws = new AwsCli(Endpoint);
        Log = new WharfLog(Path.Combine(root, "wharf.log"));
    }

    public int Port { get; }

    public int DnsPort { get; }

    public string AccountId { get; }

    public Uri Endpoint { get; }

    public AwsCli Aws { get; }

    public WharfLog Log { get; }

    public async Task InitializeAsync()
    {
        if (TerraformInstallation.Missing is not null)
        {
            return;
        }

        process = WharfProcess.Start(
            ["up", "--port", Port.ToString(CultureInfo.InvariantCulture), "--data-dir", Path.Combine(root, "data"),
             "--account-id", AccountId, "--join-token", Guid.NewGuid().ToString("N")],
            new Dictionary<string, string?> { ["HOME"] = root, ["WHARF_DNS_PORT"] = DnsPort.ToString(CultureInfo.InvariantCulture) },
            Log);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"wharf exited ({process.ExitCode}).\n{Describe()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(Endpoint, "/healthz"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
            }

            if (Stopwatch.GetElapsedTime(started) > ReadyTimeout)
            {
                throw new TimeoutException($"wharf did not become ready.\n{Describe()}");
            }

            await Task.Delay(Poll.Interval);
        }
    }

    /// <summary><c>dig @127.0.0.1 -p DNSPORT &lt;args&gt;</c>.</summary>
    public Task<ProcessResult> DigAsync(params string[] args) =>
        ProcessRunner.RunAsync("dig", ["@127.0.0.1", "-p", DnsPort.ToString(CultureInfo.InvariantCulture), "+time=2", "+tries=1", .. args],
            timeout: TimeSpan.FromSeconds(20));

    /// <summary>The task containers of this instance, running or not.</summary>
    public async Task<IReadOnlyList<TaskContainer>> OwnContainersAsync() =>
        (await DockerCli.TaskContainersAsync()).Where(c => c.TaskArn.Contains($":{AccountId}:", StringComparison.Ordinal)).ToList();

    public string Describe() => $"Wharf on {Endpoint} (account {AccountId}), DNS port {DnsPort}. Last output:\n{Log.Tail()}";

    /// <summary>A port free for TCP and UDP on loopback now.</summary>
    public static int FreePort()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            try
            {
                using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, port));
                return port;
            }
            catch (SocketException)
            {
            }
        }
    }

    public async Task DisposeAsync()
    {
        try
        {
            if (process is not null)
            {
                await process.InterruptAsync(TimeSpan.FromSeconds(20));
                await DockerCli.RemoveAsync((await OwnContainersAsync()).Select(c => c.Id));
                process.Dispose();
            }
        }
        finally
        {
            Log.Dispose();
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
