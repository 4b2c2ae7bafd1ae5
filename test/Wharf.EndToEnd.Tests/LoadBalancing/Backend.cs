using System.Globalization;
using System.Net;
using System.Text;
using Wharf.EndToEnd.Tests.Infrastructure;

namespace Wharf.EndToEnd.Tests.LoadBalancing;

/// <summary>
/// A loopback HTTP server standing in for a service's task: answers every path with its name,
/// and <c>/health</c> with <see cref="HealthStatus"/>, so a test can make it fail its health check.
/// </summary>
public sealed class Backend : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly Task loop;

    public Backend(string name)
    {
        Name = name;
        Port = FreePorts.Tcp();
        // A wildcard host: the balancer forwards the client's Host header (the balancer's DNS name), which a
        // host-specific prefix would refuse.
        listener.Prefixes.Add($"http://*:{Port.ToString(CultureInfo.InvariantCulture)}/");
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public string Name { get; }

    public int Port { get; }

    public int HealthStatus { get; set; } = 200;

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        await loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        listener.Close();
        stopping.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }

            var health = context.Request.Url?.AbsolutePath == "/health";
            context.Response.StatusCode = health ? HealthStatus : 200;
            var body = Encoding.UTF8.GetBytes($"{Name} {context.Request.Url?.AbsolutePath} host={context.Request.Headers["Host"]}");
            context.Response.ContentType = "text/plain";
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }
}
