using System.Globalization;

namespace Wharf.Server.Logs;

/// <summary>
/// Where container logs live and how much of them is kept: <c>WHARF_LOGS_MAX_BYTES</c> (default
/// 1 GiB of stored messages; the oldest events go first past it, 0 for no limit) and
/// <c>WHARF_LOGS_SWEEP_SECONDS</c> (default 60: how often retention and the budget are enforced).
/// </summary>
internal sealed record LogsOptions(string DatabasePath, long MaxStoredBytes, TimeSpan SweepInterval)
{
    public const long DefaultMaxStoredBytes = 1L << 30;

    public static LogsOptions FromEnvironment(string dataDirectory)
    {
        var maxBytes = Read("WHARF_LOGS_MAX_BYTES", DefaultMaxStoredBytes);
        var sweep = Read("WHARF_LOGS_SWEEP_SECONDS", 60);
        return new LogsOptions(Path.Combine(dataDirectory, "logs.db"), maxBytes, TimeSpan.FromSeconds(Math.Max(1, sweep)));
    }

    private static long Read(string name, long fallback)
    {
        var text = Environment.GetEnvironmentVariable(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidOperationException($"{name} '{text}' is not a non-negative number.");
    }
}
