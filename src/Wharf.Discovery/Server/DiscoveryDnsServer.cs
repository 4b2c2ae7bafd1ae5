using System.Net;
using ARSoft.Tools.Net.Dns;
using Microsoft.Extensions.Logging;
using Wharf.Discovery.Zones;

namespace Wharf.Discovery.Server;

/// <summary>
/// The authoritative DNS server for the discovery namespaces, over UDP and TCP (ARSoft.Tools.Net).
/// Concurrency: queries run on transport threads and read the current <see cref="ZoneSnapshot"/>
/// through one volatile reference; <see cref="Update"/> swaps in a new snapshot atomically, so a
/// query sees either the old zones or the new ones, never a mix. Names outside every namespace
/// are forwarded to the upstream resolvers; a query that cannot be answered gets an error code
/// and the server keeps serving. A load balancer's name is answered with 127.0.0.1 for askers on
/// this host and with <c>balancerAddress</c> (the address this server's askers reach the host at)
/// for the others.
/// </summary>
public sealed class DiscoveryDnsServer : IDisposable
{
    private static readonly TimeSpan ForwardTimeout = TimeSpan.FromSeconds(3);
    private readonly DnsServer server;
    private readonly DnsClient? upstream;
    private readonly ILogger logger;
    private readonly Random random;
    private readonly string description;
    private readonly string upstreamDescription;
    private readonly IPAddress? balancerAddress;
    private ZoneSnapshot snapshot = ZoneSnapshot.Empty;

    /// <summary>Creates a server on <paramref name="endpoints"/> (each served over UDP and TCP); call <see cref="Start"/>.</summary>
    /// <param name="endpoints">Where to listen.</param>
    /// <param name="upstreamServers">Where names outside every namespace are forwarded.</param>
    /// <param name="logger">The log.</param>
    /// <param name="random">The routing policies' randomness.</param>
    /// <param name="balancerAddress">The address answered for load balancer names to askers not on this host.</param>
    public DiscoveryDnsServer(
        IReadOnlyList<IPEndPoint> endpoints, IReadOnlyList<IPAddress> upstreamServers, ILogger logger, Random? random = null, IPAddress? balancerAddress = null)
    {
        this.logger = logger;
        this.balancerAddress = balancerAddress;
        this.random = random ?? Random.Shared;
        var transports = new List<IServerTransport>();
        foreach (var endpoint in endpoints)
        {
            transports.Add(new UdpServerTransport(endpoint, 5000));
            transports.Add(new TcpServerTransport(endpoint, 5000, 120000));
        }

        server = new DnsServer([.. transports]);
        server.QueryReceived += OnQueryReceivedAsync;
        server.ExceptionThrown += OnExceptionAsync;
        upstream = upstreamServers.Count > 0 ? new DnsClient(upstreamServers, (int)ForwardTimeout.TotalMilliseconds) : null;
        description = string.Join(", ", endpoints);
        upstreamDescription = upstreamServers.Count > 0 ? string.Join(", ", upstreamServers) : "nowhere (no resolver configured)";
    }

    /// <summary>Binds the sockets and starts answering.</summary>
    public void Start()
    {
        server.Start();
        DnsLog.Listening(logger, description, upstreamDescription);
    }

    /// <summary>Replaces the zones served from now on.</summary>
    internal void Update(ZoneSnapshot next)
    {
        Volatile.Write(ref snapshot, next);
        DnsLog.Rebuilt(logger, next.Zones.Count, next.Serial);
    }

    internal ZoneSnapshot Current => Volatile.Read(ref snapshot);

    /// <summary>Where this server listens, for the log.</summary>
    public override string ToString() => description;

    public void Dispose() => server.Stop();

    private async Task OnQueryReceivedAsync(object sender, QueryReceivedEventArgs e)
    {
        if (e.Query is not DnsMessage query)
        {
            return;
        }

        var answer = ZoneResponder.Answer(query, Current, random, BalancerAddress.For(e.RemoteEndpoint, balancerAddress));
        e.Response = answer ?? await ForwardAsync(query);
    }

    private async Task<DnsMessage> ForwardAsync(DnsMessage query)
    {
        var response = query.CreateResponseInstance();
        response.IsRecursionAllowed = true;
        var question = query.Questions[0];
        if (upstream is null)
        {
            response.ReturnCode = ReturnCode.Refused;
            return response;
        }

        try
        {
            using var timeout = new CancellationTokenSource(ForwardTimeout * 2);
            var forwarded = new DnsMessage { IsRecursionDesired = true };
            forwarded.Questions.Add(question);
            var reply = await upstream.SendMessageAsync(forwarded, timeout.Token);
            if (reply is null)
            {
                response.ReturnCode = ReturnCode.ServerFailure;
                return response;
            }

            response.ReturnCode = reply.ReturnCode;
            response.AnswerRecords.AddRange(reply.AnswerRecords);
            response.AuthorityRecords.AddRange(reply.AuthorityRecords);
            return response;
        }
        catch (Exception ex) when (ex is OperationCanceledException or System.Net.Sockets.SocketException or IOException)
        {
            DnsLog.ForwardFailed(logger, question.Name, ex);
            response.ReturnCode = ReturnCode.ServerFailure;
            return response;
        }
    }

    private Task OnExceptionAsync(object sender, ExceptionEventArgs e)
    {
        DnsLog.TransportError(logger, e.Exception);
        return Task.CompletedTask;
    }
}
