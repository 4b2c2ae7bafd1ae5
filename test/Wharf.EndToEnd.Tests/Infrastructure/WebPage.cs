namespace Wharf.EndToEnd.Tests.Infrastructure;

/// <summary>
/// What the <c>wharf/web</c> sample image answers on <c>/</c>: its hostname on the first line,
/// then its environment, one <c>KEY=value</c> a line.
/// </summary>
public sealed record WebPage(int Status, string Hostname, IReadOnlyDictionary<string, string> Environment, string Body)
{
    /// <summary><c>curl http://127.0.0.1:&lt;port&gt;/</c>; Status 0 when nothing answered.</summary>
    public static async Task<WebPage> GetAsync(int port, string path = "/")
    {
        var reply = await Curl.GetAsync($"http://127.0.0.1:{port}{path}");
        var lines = reply.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(1))
        {
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                environment[line[..eq]] = line[(eq + 1)..];
            }
        }

        return new WebPage(reply.Status, lines.FirstOrDefault() ?? "", environment, reply.Body);
    }
}
