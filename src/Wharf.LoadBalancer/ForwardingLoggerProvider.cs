using Microsoft.Extensions.Logging;

namespace Wharf.LoadBalancer;

/// <summary>Hands the data plane's inner host loggers to the hosting process's logger factory, so both log to one place.</summary>
internal sealed class ForwardingLoggerProvider(ILoggerFactory target) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => target.CreateLogger(categoryName);

    public void Dispose()
    {
        // The target factory belongs to the hosting process.
    }
}
