using Microsoft.Extensions.Time.Testing;

namespace Wharf.Agent.Tests;

/// <summary>Waits (in real time, briefly) for asynchronous loops to reach a state.</summary>
internal static class Eventually
{
    // Generous: CI runs the unit projects side by side on two cores, and a loop's turn can come late.
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    public static async Task Until(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Limit;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting until {what}.");
            }

            await Task.Delay(5);
        }
    }

    /// <summary>Moves fake time forward in steps, letting the loops run in between, until the condition holds.</summary>
    public static async Task AdvanceUntil(FakeTimeProvider time, TimeSpan step, Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Limit;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting until {what}.");
            }

            time.Advance(step);
            await Task.Delay(2);
        }
    }

    /// <summary>Gives the loops a moment and checks that something did not happen.</summary>
    public static async Task Never(Func<bool> condition, string what)
    {
        for (var i = 0; i < 20; i++)
        {
            if (condition())
            {
                throw new InvalidOperationException($"Unexpectedly {what}.");
            }

            await Task.Delay(5);
        }
    }
}
