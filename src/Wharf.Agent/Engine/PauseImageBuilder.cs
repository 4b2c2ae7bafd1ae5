using System.Formats.Tar;
using Wharf.Agent.Docker;

namespace Wharf.Agent.Engine;

/// <summary>
/// Makes sure the pause image exists on the engine. The ECS agent ships its pause image as a
/// tarball; this agent builds its own with <c>docker import</c> from a tar holding only the host's
/// static busybox, run as <c>/busybox sleep</c> (busybox picks the applet from its argv[0] unless
/// the first argument names one). Thread-safe: concurrent tasks wait for one build, which happens
/// at most once per agent process when it succeeds; a failed build is tried again by the next task.
/// </summary>
internal sealed class PauseImageBuilder(
    IDockerEngine docker, string image, string busyboxPath, Func<string, Stream?>? openBusybox = null) : IDisposable
{
    public const string DefaultImage = "wharf/ecs-pause:1";
    public const string DefaultBusyboxPath = "/bin/busybox";

    /// <summary>Sleeps as long as <c>sleep</c> can; the pause container is killed, never asked to stop.</summary>
    private static readonly string[] Changes = ["CMD [\"/busybox\", \"sleep\", \"2147483647\"]"];

    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _imageId;

    public string Image => image;

    /// <summary>The pause image's id, building the image first when the engine lacks it.</summary>
    /// <exception cref="InvalidOperationException">The image is missing and cannot be built; the message says why.</exception>
    public async Task<string> EnsureAsync(CancellationToken cancellationToken)
    {
        if (_imageId is { } known)
        {
            return known;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            _imageId ??= await docker.InspectImageAsync(image, cancellationToken) ?? await BuildAsync(cancellationToken);
            return _imageId;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<string> BuildAsync(CancellationToken cancellationToken)
    {
        await using var busybox = openBusybox is null ? OpenFile(busyboxPath) : openBusybox(busyboxPath);
        if (busybox is null)
        {
            throw new InvalidOperationException(
                $"pause image {image} is not on the Docker Engine and cannot be built: {busyboxPath} does not exist " +
                "(install Debian's busybox-static)");
        }

        using var tar = new MemoryStream();
        await using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            var entry = new PaxTarEntry(TarEntryType.RegularFile, "busybox")
            {
                Mode = (UnixFileMode)0b111_101_101,
                DataStream = busybox,
            };
            await writer.WriteEntryAsync(entry, cancellationToken);
        }

        tar.Position = 0;
        try
        {
            await docker.ImportImageAsync(image, tar, Changes, cancellationToken);
        }
        catch (Exception e) when (e is DockerEngineException or TimeoutException)
        {
            throw new InvalidOperationException(
                $"pause image {image} could not be built from {busyboxPath} (Debian's busybox-static): {e.Message}", e);
        }

        return await docker.InspectImageAsync(image, cancellationToken)
            ?? throw new InvalidOperationException($"pause image {image} was imported from {busyboxPath} but the engine does not list it");
    }

    private static FileStream? OpenFile(string path) => File.Exists(path) ? File.OpenRead(path) : null;

    public void Dispose() => _gate.Dispose();
}
