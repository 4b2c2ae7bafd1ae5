using System.Text.RegularExpressions;

namespace Wharf.Scheduling.Query;

/// <summary>
/// An argument of a comparison, with the typed forms its subject needs computed once at parse
/// time so evaluation never re-parses text.
/// </summary>
internal sealed class QueryValue(string text)
{
    public string Text => text;

    /// <summary>The value as a number, when it is one (attribute ordering compares numerically then).</summary>
    public double? Number { get; init; }

    /// <summary>For <c>runningTasksCount</c>.</summary>
    public int Integer { get; init; }

    /// <summary>For <c>registeredAt</c>: the instant, or midnight UTC of a date-only value.</summary>
    public DateTimeOffset Instant { get; init; }

    /// <summary>For <c>registeredAt</c>: a date-only value compares whole UTC days.</summary>
    public bool IsDateOnly { get; init; }

    /// <summary>For <c>=~</c> and <c>!~</c>.</summary>
    public Regex? Pattern { get; init; }

    public override string ToString() => text;
}
