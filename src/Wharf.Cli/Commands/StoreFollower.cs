using System.Globalization;

namespace Wharf.Cli.Commands;

/// <summary>How a data plane run on its own (<c>wharf dns</c>, <c>wharf lb</c>) follows the server's commits: by polling the store.</summary>
internal static class StoreFollower
{
    /// <summary>Seconds between store reads: <c>--poll-seconds</c> or <c>WHARF_POLL_SECONDS</c>, default 2 (fractions allowed).</summary>
    public static TimeSpan PollInterval(CommandLine cli)
    {
        var text = cli.Get("poll-seconds", "WHARF_POLL_SECONDS", "2")!;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and <= 3600
            ? TimeSpan.FromSeconds(seconds)
            : throw new ArgumentException($"--poll-seconds must be a number of seconds between 0 and 3600, not '{text}'.");
    }
}
