using System.Diagnostics;

namespace Wharf.EndToEnd.Tests.Infrastructure;

/// <summary>Waits for eventually-true conditions: long limits, quick polls.</summary>
public static class Poll
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Calls <paramref name="probe"/> until it returns a value for which <paramref name="done"/>
    /// holds, and returns that value; throws with <paramref name="what"/> and the last value seen
    /// when <paramref name="timeout"/> passes first.
    /// </summary>
    public static async Task<T> UntilAsync<T>(
        string what,
        Func<Task<T>> probe,
        Func<T, bool> done,
        TimeSpan timeout,
        Func<T, string>? describe = null)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (Stopwatch.GetElapsedTime(started) >= timeout)
            {
                var last = describe is null ? value?.ToString() : describe(value);
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0}s waiting for {what}. Last seen:\n{last}");
            }

            await Task.Delay(Interval);
        }
    }
}
