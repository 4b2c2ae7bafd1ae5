using Wharf.Core.Model;

namespace Wharf.LoadBalancer.Routing;

/// <summary>Builds a redirect's Location from its template: #{protocol}, #{host}, #{port}, #{path} and #{query} are the request's.</summary>
internal static class RedirectBuilder
{
    /// <param name="path">The request path without its leading '/', as ALB's #{path} is.</param>
    /// <param name="query">The query without its '?'.</param>
    public static string Location(RedirectRecord redirect, string protocol, string host, int port, string path, string query)
    {
        string Fill(string template) => template
            .Replace("#{protocol}", protocol, StringComparison.Ordinal)
            .Replace("#{host}", host, StringComparison.Ordinal)
            .Replace("#{port}", port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("#{path}", path, StringComparison.Ordinal)
            .Replace("#{query}", query, StringComparison.Ordinal);

        var scheme = Fill(redirect.Protocol).ToLowerInvariant();
        var targetPort = Fill(redirect.Port);
        var defaultPort = (scheme == "https" && targetPort == "443") || (scheme == "http" && targetPort == "80");
        var location = $"{scheme}://{Fill(redirect.Host)}{(defaultPort ? "" : ":" + targetPort)}{Fill(redirect.Path)}";
        var q = Fill(redirect.Query);
        return q.Length > 0 ? location + "?" + q : location;
    }
}
