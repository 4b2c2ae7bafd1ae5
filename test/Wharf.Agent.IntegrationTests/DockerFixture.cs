using System.Formats.Tar;
using Docker.DotNet;
using Docker.DotNet.Models;
using Wharf.Agent.Docker;
using Xunit;

namespace Wharf.Agent.IntegrationTests;

/// <summary>
/// The real Docker Engine, plus a tiny test image imported from Debian's static busybox
/// (<c>docker import</c> of a tar: no registry needed). Every container and volume the tests
/// create carries <see cref="TestLabel"/>, and the fixture removes them all, before and after.
/// </summary>
public sealed class DockerFixture : IAsyncLifetime
{
    public const string Image = "wharf-agent-it/busybox:latest";
    public const string TestLabel = "wharf.test";
    public const string TestLabelValue = "agent-integration";
    public static readonly Uri Endpoint = new("unix:///var/run/docker.sock");

    private static readonly string[] Applets =
        ["sh", "sleep", "httpd", "true", "false", "echo", "touch", "test", "[", "cat", "env", "hostname", "ls", "kill", "wget"];

    /// <summary>A raw client, for looking at what the agent created the way `docker inspect` would.</summary>
    public DockerClient Client { get; } = new DockerClientBuilder().WithEndpoint(Endpoint).WithApiVersion(new System.Version(1, 41)).Build();

    internal static Task<DockerEngine> ConnectAsync() =>
        DockerEngine.ConnectAsync(Endpoint, new DockerTimeouts(), TimeProvider.System, CancellationToken.None);

    public async Task InitializeAsync()
    {
        await RemoveLeftoversAsync();
        await ImportImageAsync();
    }

    public async Task DisposeAsync()
    {
        await RemoveLeftoversAsync();
        Client.Dispose();
    }

    /// <summary>Removes every container (and volume) labelled as this suite's.</summary>
    public async Task RemoveLeftoversAsync(string? instanceId = null)
    {
        var labels = new Dictionary<string, bool> { [$"{TestLabel}={TestLabelValue}"] = true };
        if (instanceId is not null)
        {
            labels = new Dictionary<string, bool> { [$"{DockerLabels.AgentInstance}={instanceId}"] = true };
        }

        var filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = labels };
        foreach (var container in await Client.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = filters }))
        {
            try
            {
                await Client.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true, RemoveVolumes = true });
            }
            catch (DockerContainerNotFoundException)
            {
            }
        }

        if (instanceId is not null)
        {
            var volumes = await Client.Volumes.ListAsync(new VolumesListParameters { Filters = filters });
            foreach (var volume in volumes.Volumes ?? [])
            {
                await Client.Volumes.RemoveAsync(volume.Name, force: true);
            }
        }
    }

    private async Task ImportImageAsync()
    {
        using var tar = new MemoryStream();
        await using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var directory in new[] { "bin/", "www/" })
            {
                await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.Directory, directory) { Mode = (UnixFileMode)0b111_101_101 });
            }

            await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.Directory, "tmp/") { Mode = (UnixFileMode)0b1_111_111_111 });
            await writer.WriteEntryAsync("/bin/busybox", "bin/busybox");
            foreach (var applet in Applets)
            {
                await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.SymbolicLink, "bin/" + applet) { LinkName = "busybox" });
            }

            var index = new PaxTarEntry(TarEntryType.RegularFile, "www/index.html")
            {
                Mode = (UnixFileMode)0b110_100_100,
                DataStream = new MemoryStream("hello from wharf\n"u8.ToArray()),
            };
            await writer.WriteEntryAsync(index);
        }

        tar.Position = 0;
        var (repository, tag) = ImageReference.Split(Image);
        await Client.Images.CreateImageAsync(
            new ImagesCreateParameters { Repo = repository, Tag = tag, Changes = ["ENV PATH=/bin"] },
            tar,
            null,
            new Progress<JSONMessage>());
    }
}

[CollectionDefinition(Name)]
public sealed class DockerCollection : ICollectionFixture<DockerFixture>
{
    public const string Name = "docker";
}
