using System.Net;

namespace Wharf.LoadBalancer.Routing;

/// <summary>What rule conditions look at in one request.</summary>
/// <param name="Method">The HTTP method, as sent.</param>
/// <param name="Host">The Host header without its port.</param>
/// <param name="Path">The URL path, decoded as ALB compares it.</param>
/// <param name="Query">Query parameters, decoded, in order.</param>
/// <param name="Header">Returns a header's values (empty when absent).</param>
/// <param name="SourceIp">The client address.</param>
internal sealed record RequestFacts(
    string Method,
    string Host,
    string Path,
    IReadOnlyList<KeyValuePair<string, string>> Query,
    Func<string, IEnumerable<string>> Header,
    IPAddress? SourceIp);
