using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace Wharf.Cli;

internal static class Logging
{
    public static ILoggerFactory CreateFactory() => LoggerFactory.Create(builder =>
    {
        builder.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        });
        builder.SetMinimumLevel(LogLevel.Information);
    });

    /// <summary>A token cancelled by SIGINT (Ctrl-C) or SIGTERM, which are then handled (no abrupt exit).</summary>
    public static SignalStop StopOnSignals() => new();

    internal sealed class SignalStop : IDisposable
    {
        private readonly CancellationTokenSource source = new();
        private readonly PosixSignalRegistration sigint;
        private readonly PosixSignalRegistration sigterm;

        public SignalStop()
        {
            sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle);
            sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle);
        }

        public CancellationToken Token => source.Token;

        public Task CancelAsync() => source.CancelAsync();

        public void Dispose()
        {
            sigint.Dispose();
            sigterm.Dispose();
            source.Dispose();
        }

        private void Handle(PosixSignalContext context)
        {
            context.Cancel = true;
            source.Cancel();
        }
    }
}
