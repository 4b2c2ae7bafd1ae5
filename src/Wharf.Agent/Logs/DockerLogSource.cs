using System.Net;
using System.Net.Sockets;

namespace Wharf.Agent.Logs;

/// <summary>
/// Opens a container's log stream on the Docker Engine API (<c>GET /containers/{id}/logs</c>
/// with <c>follow</c>, <c>timestamps</c> and <c>since</c>) over the engine's Unix socket or TCP
/// address. The container keeps Docker's json-file driver, so its output is on disk and this
/// reader can stop and resume at any time without the container ever blocking on it.
/// Thread-safe.
/// </summary>
internal sealed class DockerLogSource : IDisposable
{
    private readonly HttpClient _http;

    public DockerLogSource(string dockerEndpoint)
    {
        var endpoint = new Uri(dockerEndpoint);
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        Uri baseAddress;
        if (endpoint.Scheme == "unix")
        {
            var socketPath = endpoint.LocalPath;
            handler.ConnectCallback = async (_, token) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), token);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
            baseAddress = new Uri("http://docker/");
        }
        else
        {
            baseAddress = new UriBuilder("http", endpoint.Host, endpoint.Port).Uri;
        }

        _http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>The log stream from <paramref name="sinceUnixNanos"/> on, following while the container runs; null when the container is gone.</summary>
    public async Task<Stream?> OpenAsync(string containerId, long sinceUnixNanos, bool follow, CancellationToken cancellationToken)
    {
        var uri = $"containers/{Uri.EscapeDataString(containerId)}/logs?stdout=1&stderr=1&timestamps=1&follow={(follow ? 1 : 0)}&since={DockerLogReader.Since(sinceUnixNanos)}";
        var response = await _http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            response.Dispose();
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStreamAsync(cancellationToken);
    }

    public void Dispose() => _http.Dispose();
}
