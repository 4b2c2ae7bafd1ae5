using System.Globalization;
using Wharf.Server.ApplicationAutoScaling.Common;

namespace Wharf.Server.ApplicationAutoScaling.Scheduled;

/// <summary>
/// A scheduled action's <c>Schedule</c>: <c>at(yyyy-mm-ddThh:mm:ss)</c> once, <c>rate(value unit)</c>
/// every so many minutes, hours or days from the action's start, or <c>cron(…)</c>; <c>at</c> and
/// <c>cron</c> are read in the action's <c>Timezone</c> (IANA name, UTC by default), so a cron
/// schedule keeps its wall-clock time across daylight saving changes.
/// </summary>
internal sealed class ScheduleExpression
{
    private readonly DateTimeOffset? at;
    private readonly TimeSpan? rate;
    private readonly CronSchedule? cron;
    private readonly TimeZoneInfo zone;

    private ScheduleExpression(DateTimeOffset? at, TimeSpan? rate, CronSchedule? cron, TimeZoneInfo zone)
    {
        this.at = at;
        this.rate = rate;
        this.cron = cron;
        this.zone = zone;
    }

    /// <summary>Parses and checks a schedule as PutScheduledAction does (ValidationException when bad).</summary>
    public static ScheduleExpression Parse(string? schedule, string? timezone)
    {
        var zone = Zone(timezone);
        var text = schedule ?? "";
        try
        {
            if (Inside(text, "at(") is { } when)
            {
                var local = DateTime.ParseExact(when, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None);
                return new(ToUtc(local, zone), null, null, zone);
            }

            if (Inside(text, "rate(") is { } every)
            {
                return new(null, Rate(every), null, zone);
            }

            if (Inside(text, "cron(") is { } fields)
            {
                return new(null, null, CronSchedule.Parse(fields), zone);
            }
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            throw ScalingErrors.Validation($"Invalid schedule expression '{text}': {ex.Message}");
        }

        throw ScalingErrors.Validation($"Invalid schedule expression '{text}'. Use at(yyyy-mm-ddThh:mm:ss), rate(value unit) or cron(fields).");
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>; rates count from <paramref name="anchor"/>.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset after, DateTimeOffset anchor)
    {
        if (at is { } once)
        {
            return once > after ? once : null;
        }

        if (rate is { } every)
        {
            if (after < anchor)
            {
                return anchor;
            }

            var periods = (long)Math.Floor((after - anchor) / every) + 1;
            return anchor + every * periods;
        }

        var local = TimeZoneInfo.ConvertTime(after, zone).DateTime;
        for (var i = 0; i < 1000; i++)
        {
            if (cron!.NextAfter(local) is not { } next)
            {
                return null;
            }

            // A wall-clock time skipped by a daylight saving change does not happen.
            if (!zone.IsInvalidTime(next))
            {
                return ToUtc(next, zone);
            }

            local = next;
        }

        return null;
    }

    private static string? Inside(string text, string prefix) =>
        text.StartsWith(prefix, StringComparison.Ordinal) && text.EndsWith(')') ? text[prefix.Length..^1] : null;

    private static TimeSpan Rate(string text)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
        {
            throw new FormatException("a rate is a positive whole number and a unit, e.g. rate(5 minutes).");
        }

        var unit = parts[1];
        if ((value == 1) != !unit.EndsWith('s'))
        {
            throw new FormatException("use the singular unit for 1 (rate(1 hour)) and the plural otherwise (rate(2 hours)).");
        }

        return unit.TrimEnd('s') switch
        {
            "minute" => TimeSpan.FromMinutes(value),
            "hour" => TimeSpan.FromHours(value),
            "day" => TimeSpan.FromDays(value),
            _ => throw new FormatException("the unit is minute(s), hour(s) or day(s)."),
        };
    }

    private static TimeZoneInfo Zone(string? timezone)
    {
        if (string.IsNullOrEmpty(timezone))
        {
            return TimeZoneInfo.Utc;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(timezone);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw ScalingErrors.Validation($"Invalid timezone '{timezone}'. Use an IANA time zone name such as Etc/UTC or America/New_York.");
        }
    }

    private static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone) =>
        new(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone), TimeSpan.Zero);
}
