namespace Wharf.EndToEnd.Tests.Infrastructure;

/// <summary>What a finished command left behind.</summary>
public sealed record ProcessResult(int ExitCode, string StdOut, string StdErr)
{
    public bool Succeeded => ExitCode == 0;

    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{StdOut}\n--- stderr ---\n{StdErr}";
}
