using System.Diagnostics;
using System.Text;

namespace Wharf.EndToEnd.Tests.Infrastructure;

/// <summary>Runs a command to completion with its own environment and a time limit.</summary>
public static class ProcessRunner
{
    /// <summary>
    /// Runs <paramref name="file"/> with <paramref name="args"/>. <paramref name="environment"/>
    /// entries override the inherited environment; a null value removes the variable.
    /// </summary>
    public static async Task<ProcessResult> RunAsync(
        string file,
        IEnumerable<string> args,
        IReadOnlyDictionary<string, string?>? environment = null,
        string? stdin = null,
        TimeSpan? timeout = null,
        string? workingDirectory = null,
        CancellationToken cancellationToken = default)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? RepoPaths.Root,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        ApplyEnvironment(info, environment);

        using var process = new Process { StartInfo = info };
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (stdout) { stdout.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (stderr) { stderr.AppendLine(e.Data); } } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin.AsMemory(), cancellationToken);
        }

        process.StandardInput.Close();

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException(
                $"'{file} {string.Join(' ', info.ArgumentList)}' did not finish within {timeout ?? TimeSpan.FromMinutes(2)}.\n{stdout}\n{stderr}");
        }

        // The parameterless wait drains the redirected streams.
        process.WaitForExit();
        lock (stdout)
        {
            lock (stderr)
            {
                return new ProcessResult(process.ExitCode, stdout.ToString(), stderr.ToString());
            }
        }
    }

    /// <summary>Sets and removes environment variables on a start info.</summary>
    public static void ApplyEnvironment(ProcessStartInfo info, IReadOnlyDictionary<string, string?>? environment)
    {
        if (environment is null)
        {
            return;
        }

        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }
    }
}
