using System.Globalization;
using Wharf.EndToEnd.Tests.Infrastructure;

namespace Wharf.EndToEnd.Tests.Terraform;

/// <summary>
/// <c>wharf up</c> for the Terraform tests: a <see cref="WharfFixture"/> (own port, data directory,
/// home and account id, its task containers removed at the end) with its DNS server on a free
/// high port (<c>WHARF_DNS_PORT</c>), so a stack's namespace can be asked for with <c>dig</c>.
/// Starts nothing when Terraform is missing (the tests are skipped then). A stack's services run on
/// a container instance of the stack's own cluster: <see cref="StartAgent"/> joins one, as a user
/// runs <c>wharf agent --cluster NAME</c> beside <c>wharf up</c>.
/// </summary>
public sealed class TerraformFixture : WharfFixture
{
    private readonly List<(WharfProcess Process, WharfLog Log, string Directory)> agents = [];

    public TerraformFixture()
        : this(FreePorts.TcpAndUdp())
    {
    }

    private TerraformFixture(int dnsPort)
        : base(new Dictionary<string, string?> { ["WHARF_DNS_PORT"] = dnsPort.ToString(CultureInfo.InvariantCulture) })
    {
        DnsPort = dnsPort;
    }

    public int DnsPort { get; }

    public override Task InitializeAsync() => TerraformInstallation.Missing is null ? StartAsync() : Task.CompletedTask;

    /// <summary>
    /// <c>wharf agent --cluster <paramref name="cluster"/></c> with a state directory of its own: a
    /// second container instance on this host. Like the ECS agent it does not create a cluster
    /// other than <c>default</c>; until the cluster exists it is refused and retries.
    /// </summary>
    public WharfProcess StartAgent(string cluster)
    {
        var directory = Directory.CreateTempSubdirectory("wharf-e2e-tf-agent-").FullName;
        var log = new WharfLog(Path.Combine(directory, "agent.log"));
        var process = WharfProcess.Start(
            [
                "agent", "--server", Endpoint.ToString().TrimEnd('/'), "--join-token", JoinToken,
                "--cluster", cluster, "--state-dir", Path.Combine(directory, "state"),
            ],
            new Dictionary<string, string?> { ["HOME"] = directory },
            log);
        agents.Add((process, log, directory));
        return process;
    }

    /// <summary><c>dig @127.0.0.1 -p DNSPORT &lt;args&gt;</c>.</summary>
    public Task<ProcessResult> DigAsync(params string[] args) =>
        ProcessRunner.RunAsync("dig", ["@127.0.0.1", "-p", DnsPort.ToString(CultureInfo.InvariantCulture), "+time=2", "+tries=1", .. args],
            timeout: TimeSpan.FromSeconds(20));

    /// <summary>What a failing test prints: the instance, then the last output of each agent started here.</summary>
    public string DescribeAll() =>
        string.Join("\n", [Describe(), .. agents.Select(a => $"wharf agent (log {a.Log.Path}). Last output:\n{a.Log.Tail()}")]);

    public override async Task DisposeAsync()
    {
        foreach (var (process, log, directory) in agents)
        {
            await process.InterruptAsync(TimeSpan.FromSeconds(20));
            process.Dispose();
            if (Environment.GetEnvironmentVariable("WHARF_E2E_LOG_DIR") is { Length: > 0 } logDir)
            {
                Directory.CreateDirectory(logDir);
                File.Copy(log.Path, Path.Combine(logDir, $"wharf-{AccountId}-{Path.GetFileName(directory)}.log"), overwrite: true);
            }

            log.Dispose();
            TryDelete(directory);
        }

        await base.DisposeAsync();
    }

    private static void TryDelete(string directory)
    {
        if (Environment.GetEnvironmentVariable("WHARF_E2E_KEEP") == "1")
        {
            return;
        }

        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
