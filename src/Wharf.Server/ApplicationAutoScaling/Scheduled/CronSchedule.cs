using System.Globalization;

namespace Wharf.Server.ApplicationAutoScaling.Scheduled;

/// <summary>
/// An AWS cron expression, <c>cron(Minutes Hours Day-of-month Month Day-of-week Year)</c>: lists,
/// ranges, <c>*</c>, increments (<c>0/15</c>), month and day names, <c>?</c> in exactly one of the
/// day fields, <c>L</c> (last day of the month, or the last given weekday of it) and <c>#</c>
/// (the nth weekday of the month). Day-of-week counts from SUN = 1. Matching is on local wall time.
/// </summary>
internal sealed class CronSchedule
{
    private static readonly string[] Months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] Days = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    private readonly bool[] minutes;
    private readonly bool[] hours;
    private readonly bool[]? daysOfMonth;
    private readonly bool lastDayOfMonth;
    private readonly bool[] months;
    private readonly bool[]? daysOfWeek;
    private readonly (int Day, int Nth)? nthWeekday;
    private readonly int? lastWeekday;
    private readonly bool[] years;

    private CronSchedule(string[] fields)
    {
        minutes = Field(fields[0], 0, 59, null, "Minutes");
        hours = Field(fields[1], 0, 23, null, "Hours");
        months = Field(fields[3], 1, 12, Months, "Month");
        years = Field(fields[5], 1970, 2199, null, "Year");
        var (dom, dow) = (fields[2], fields[4]);
        if ((dom == "?") == (dow == "?"))
        {
            throw new FormatException("Exactly one of Day-of-month and Day-of-week must be '?'.");
        }

        if (dom != "?")
        {
            if (dom == "L")
            {
                lastDayOfMonth = true;
            }
            else
            {
                daysOfMonth = Field(dom, 1, 31, null, "Day-of-month");
            }
        }
        else if (dow.Contains('#', StringComparison.Ordinal))
        {
            var parts = dow.Split('#');
            nthWeekday = (Value(parts[0], 1, 7, Days, "Day-of-week"), Value(parts.ElementAtOrDefault(1) ?? "", 1, 5, null, "Day-of-week"));
        }
        else if (dow.Length > 1 && dow.EndsWith('L'))
        {
            lastWeekday = Value(dow[..^1], 1, 7, Days, "Day-of-week");
        }
        else
        {
            daysOfWeek = Field(dow, 1, 7, Days, "Day-of-week");
        }
    }

    /// <summary>Parses the inside of <c>cron(…)</c>; a malformed expression is a <see cref="FormatException"/>.</summary>
    public static CronSchedule Parse(string expression)
    {
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length == 6
            ? new CronSchedule(fields)
            : throw new FormatException("A cron expression has six fields: Minutes Hours Day-of-month Month Day-of-week Year.");
    }

    /// <summary>The first matching wall-clock minute strictly after <paramref name="after"/>, or null within the years allowed.</summary>
    public DateTime? NextAfter(DateTime after)
    {
        var t = new DateTime(after.Year, after.Month, after.Day, after.Hour, after.Minute, 0, DateTimeKind.Unspecified).AddMinutes(1);
        while (t.Year <= 2199)
        {
            if (!years[t.Year])
            {
                t = new DateTime(t.Year + 1, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
            }
            else if (!months[t.Month])
            {
                t = new DateTime(t.Year, t.Month, 1, 0, 0, 0, DateTimeKind.Unspecified).AddMonths(1);
            }
            else if (!DayMatches(t))
            {
                t = t.Date.AddDays(1);
            }
            else if (!hours[t.Hour])
            {
                t = new DateTime(t.Year, t.Month, t.Day, t.Hour, 0, 0, DateTimeKind.Unspecified).AddHours(1);
            }
            else if (!minutes[t.Minute])
            {
                t = t.AddMinutes(1);
            }
            else
            {
                return t;
            }
        }

        return null;
    }

    private bool DayMatches(DateTime t)
    {
        var last = DateTime.DaysInMonth(t.Year, t.Month);
        var weekday = (int)t.DayOfWeek + 1;
        if (lastDayOfMonth)
        {
            return t.Day == last;
        }

        if (daysOfMonth is not null)
        {
            return daysOfMonth[t.Day];
        }

        if (nthWeekday is { } nth)
        {
            return weekday == nth.Day && (t.Day - 1) / 7 + 1 == nth.Nth;
        }

        if (lastWeekday is { } lw)
        {
            return weekday == lw && t.Day + 7 > last;
        }

        return daysOfWeek![weekday];
    }

    private static bool[] Field(string text, int min, int max, string[]? names, string field)
    {
        var set = new bool[max + 1];
        foreach (var item in text.Split(','))
        {
            var (range, step) = item.Split('/') switch
            {
                [var r] => (r, 1),
                [var r, var s] => (r, Value(s, 1, max, null, field)),
                _ => throw new FormatException($"'{item}' is not a valid {field} value."),
            };
            int from, to;
            if (range == "*")
            {
                (from, to) = (min, max);
            }
            else if (range.Split('-') is [var a, var b])
            {
                (from, to) = (Value(a, min, max, names, field), Value(b, min, max, names, field));
            }
            else
            {
                from = Value(range, min, max, names, field);
                to = item.Contains('/', StringComparison.Ordinal) ? max : from;
            }

            if (from > to)
            {
                throw new FormatException($"'{item}' is not a valid {field} range.");
            }

            for (var v = from; v <= to; v += step)
            {
                set[v] = true;
            }
        }

        return set;
    }

    private static int Value(string text, int min, int max, string[]? names, string field)
    {
        var index = names is null ? -1 : Array.IndexOf(names, text.ToUpperInvariant());
        if (index >= 0)
        {
            return index + min;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new FormatException($"'{text}' is not a valid {field} value ({min}-{max}).");
    }
}
