using System.Globalization;
using Wharf.EndToEnd.Tests.Infrastructure;

namespace Wharf.EndToEnd.Tests.SampleImages;

/// <summary>A sample image container started with <c>docker run -d</c> and removed on dispose.</summary>
internal sealed class SampleContainer : IAsyncDisposable
{
    private SampleContainer(string id) => Id = id;

    public string Id { get; }

    /// <summary><c>docker run -d --label wharf.e2e.sample=1 &lt;args&gt;</c>.</summary>
    public static async Task<SampleContainer> RunAsync(params string[] args) =>
        new((await DockerCli.OkAsync(["run", "-d", "--label", "wharf.e2e.sample=1", .. args])).Trim());

    /// <summary>The host port Docker published for <paramref name="containerPort"/>/tcp.</summary>
    public async Task<int> HostPortAsync(int containerPort)
    {
        var text = await DockerCli.OkAsync("port", Id, $"{containerPort}/tcp");
        var first = text.Split('\n', StringSplitOptions.RemoveEmptyEntries)[0].Trim();
        return int.Parse(first[(first.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync() => await DockerCli.RemoveAsync([Id]);
}
