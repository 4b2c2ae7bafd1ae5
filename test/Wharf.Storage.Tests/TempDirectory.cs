namespace Wharf.Storage.Tests;

/// <summary>A fresh directory under the system temp path, deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = CreatePath();

    public void Dispose() => Delete(Path);

    /// <summary>Best effort: a leftover temp directory must not fail a test.</summary>
    public static void Delete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Creates a fresh directory and returns its path; the caller deletes it.</summary>
    public static string CreatePath()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "wharf-storage-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
