using System.Runtime.InteropServices;

namespace Wharf.Scheduling.Benchmarks;

/// <summary>
/// The calling thread's CPU time (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>). On a shared 2-core
/// machine wall-clock percentiles mostly measure who else was running; CPU time per placement
/// measures the placement.
/// </summary>
internal static partial class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3;

    public static bool IsAvailable { get; } = OperatingSystem.IsLinux() && TryNow(out _);

    /// <summary>Microseconds of CPU this thread has used.</summary>
    public static double NowMicroseconds() => TryNow(out var us) ? us : double.NaN;

    private static bool TryNow(out double microseconds)
    {
        if (clock_gettime(ClockThreadCpuTimeId, out var time) != 0)
        {
            microseconds = 0;
            return false;
        }

        microseconds = (time.Seconds * 1_000_000.0) + (time.Nanoseconds / 1_000.0);
        return true;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int clock_gettime(int clockId, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
