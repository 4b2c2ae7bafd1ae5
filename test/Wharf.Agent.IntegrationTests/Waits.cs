namespace Wharf.Agent.IntegrationTests;

/// <summary>The waits the real-engine tests share: a condition polled, and a call retried while the listener is not up yet.</summary>
internal static class Waits
{
    /// <summary>Polls <paramref name="condition"/> every 100 ms for up to 30 s.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting until {what}.");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Retries <paramref name="call"/> up to 50 times, 100 ms apart, while the connection fails or times out.</summary>
    public static async Task<T> RetryAsync<T>(Func<Task<T>> call)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (Exception e) when (attempt < 50 && e is HttpRequestException or TaskCanceledException)
            {
                await Task.Delay(100);
            }
        }
    }
}
