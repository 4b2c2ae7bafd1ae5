using System.Diagnostics;

namespace Wharf.EndToEnd.Tests.Infrastructure;

/// <summary>
/// One running <c>dotnet wharf.dll up …</c>, started the way a user starts it (the built CLI,
/// flags, environment), with its output going to a <see cref="WharfLog"/>.
/// </summary>
public sealed class WharfProcess : IDisposable
{
    private readonly Process process;

    private WharfProcess(Process process) => this.process = process;

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    /// <summary>Starts <c>wharf &lt;args&gt;</c> with <paramref name="environment"/> applied over a cleaned one.</summary>
    public static WharfProcess Start(IEnumerable<string> args, IReadOnlyDictionary<string, string?> environment, WharfLog log)
    {
        var dll = RepoPaths.WharfCliDll();
        // Through env, which resets SIGINT to its default and execs dotnet in the same process:
        // a test run started from a background job inherits SIGINT ignored, and Ctrl-C (SIGINT)
        // is how the fixture stops wharf as a user would.
        var info = new ProcessStartInfo("env")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        info.ArgumentList.Add("--default-signal=INT");
        info.ArgumentList.Add("dotnet");
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // The developer's own settings must not leak into the instance under test.
        foreach (var name in info.Environment.Keys.ToList())
        {
            if (name.StartsWith("WHARF_", StringComparison.Ordinal) || name.StartsWith("ASPNETCORE_", StringComparison.Ordinal)
                || name is "DOTNET_URLS" or "DOTNET_ENVIRONMENT")
            {
                info.Environment.Remove(name);
            }
        }

        ProcessRunner.ApplyEnvironment(info, environment);

        log.Write($"=== {DateTimeOffset.Now:HH:mm:ss.fff} starting: {string.Join(' ', info.ArgumentList.Skip(1))}");
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { log.Write(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { log.Write("[stderr] " + e.Data); } };
        process.Exited += (_, _) => log.Write($"=== {DateTimeOffset.Now:HH:mm:ss.fff} wharf exited");
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.StandardInput.Close();
        return new WharfProcess(process);
    }

    /// <summary>Ctrl-C (SIGINT), as a user stops it; SIGKILL if it is still there after <paramref name="grace"/>.</summary>
    /// <returns>True when it stopped on SIGINT within the grace period.</returns>
    public async Task<bool> InterruptAsync(TimeSpan grace)
    {
        if (process.HasExited)
        {
            return true;
        }

        await ProcessRunner.RunAsync("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        using var limit = new CancellationTokenSource(grace);
        try
        {
            await process.WaitForExitAsync(limit.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
            return false;
        }
    }

    /// <summary>SIGKILL: the process dies at once, as in a crash.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync(CancellationToken.None);
    }

    public void Dispose() => process.Dispose();
}
