using Microsoft.Extensions.Logging;
using Wharf.Agent.Diagnostics;
using Wharf.Protocol.AgentChannel;

namespace Wharf.Agent.ControlPlane;

/// <summary>
/// Keeps the agent connected to the server, forever: connect, run a session, and after any
/// failure wait a capped, jittered exponential back-off and try again. Nothing about the tasks
/// depends on being connected — containers keep running and state keeps being tracked; the
/// <see cref="ReportQueue"/> carries unacknowledged reports over to the next session.
/// </summary>
internal sealed class ControlPlaneClient(
    IAgentChannelConnector connector,
    SessionSettings settings,
    ReportQueue reports,
    Func<RegisterRequest> registration,
    Func<RegisterResponse, CancellationToken, Task> onRegistered,
    Action<DesiredTasks> applyDesired,
    TimeProvider time,
    Random random,
    Func<string> newId,
    ILogger logger,
    IReadOnlyList<ISessionPublisher>? publishers = null)
{
    /// <summary>Connects and reconnects until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var backoff = new Backoff(settings.ReconnectInitialDelay, settings.ReconnectMaxDelay, random);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var channel = await connector.ConnectAsync(cancellationToken);
                logger.Connected();
                using var session = new AgentSession(
                    channel, settings, reports, registration, onRegistered, applyDesired, time, newId, logger, publishers);
                if (await session.RunAsync(cancellationToken))
                {
                    backoff.Reset();
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                logger.ConnectionFailed(e.GetType().Name, e.Message);
            }

            var delay = backoff.Next();
            logger.Reconnecting(delay.TotalMilliseconds);
            try
            {
                await Task.Delay(delay, time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}
