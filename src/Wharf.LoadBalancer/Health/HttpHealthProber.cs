namespace Wharf.LoadBalancer.Health;

/// <summary>
/// HTTP GET health checks. As an ALB node does, each check closes its connection afterwards, and
/// the response must arrive within the group's timeout with a code the matcher accepts.
/// </summary>
internal sealed class HttpHealthProber(TimeProvider time) : IHealthProber, IDisposable
{
    private readonly HttpClient client = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    public async ValueTask<ProbeResult> ProbeAsync(Uri url, TimeSpan timeout, string matcher, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.ConnectionClose = true;
        request.Headers.UserAgent.ParseAdd("ELB-HealthChecker/2.0");
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            var code = (int)response.StatusCode;
            return HttpCodeMatcher.Matches(matcher, code) ? ProbeResult.Passed : ProbeResult.CodeMismatch(code);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return ProbeResult.TimedOut;
        }
        catch (HttpRequestException)
        {
            return ProbeResult.Failed;
        }
    }

    public void Dispose() => client.Dispose();
}
