using System.Net.WebSockets;

namespace Wharf.Agent.ControlPlane;

/// <summary>Connects to <c>ws(s)://&lt;server&gt;/agent/v1/connect</c> with the join token header.</summary>
internal sealed class WebSocketChannelConnector(Uri serverUrl, string joinToken, TimeProvider time) : IAgentChannelConnector
{
    public const string JoinTokenHeader = "X-Wharf-Join-Token";
    public const string ConnectPath = "agent/v1/connect";

    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The WebSocket address for a server URL given as http(s) or ws(s), with or without a base path.</summary>
    public static Uri ConnectUri(Uri serverUrl)
    {
        var builder = new UriBuilder(serverUrl)
        {
            Scheme = serverUrl.Scheme switch
            {
                "https" or "wss" => "wss",
                _ => "ws",
            },
        };
        builder.Path = builder.Path.TrimEnd('/') + "/" + ConnectPath;
        return builder.Uri;
    }

    public async Task<IAgentChannel> ConnectAsync(CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader(JoinTokenHeader, joinToken);
        socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(15);
        using var deadline = new CancellationTokenSource(ConnectTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            await socket.ConnectAsync(ConnectUri(serverUrl), linked.Token);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return new WebSocketAgentChannel(socket, time);
    }
}
