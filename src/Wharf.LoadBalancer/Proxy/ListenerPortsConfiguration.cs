using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Wharf.LoadBalancer.Proxy;

/// <summary>
/// Kestrel endpoint configuration (<c>Endpoints:listener-{port}:Url</c>) that changes with the
/// listeners: Kestrel, configured with reload on change, binds new ports and unbinds removed ones
/// without restarting, so serving listeners keep their connections.
/// </summary>
internal sealed class ListenerPortsConfiguration : ConfigurationProvider, IConfigurationSource
{
    private IReadOnlySet<int> ports = new HashSet<int>();

    public IConfigurationProvider Build(IConfigurationBuilder builder) => this;

    /// <summary>Publishes the ports to bind on <paramref name="address"/>; no-op when unchanged.</summary>
    public bool Publish(IReadOnlySet<int> wanted, string address)
    {
        if (wanted.SetEquals(ports))
        {
            return false;
        }

        ports = new HashSet<int>(wanted);
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var port in wanted)
        {
            var text = port.ToString(CultureInfo.InvariantCulture);
            data[$"Endpoints:listener-{text}:Url"] = $"http://{address}:{text}";
        }

        Data = data;
        OnReload();
        return true;
    }
}
