using System.Reflection;

namespace Wharf.EndToEnd.Tests.Infrastructure;

/// <summary>Where the repository and the built <c>wharf</c> CLI are.</summary>
public static class RepoPaths
{
    /// <summary>The repository root: the nearest folder above the tests holding <c>Wharf.slnx</c>.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// The <c>wharf.dll</c> to start, first found of: <c>$WHARF_CLI_DLL</c>; the CLI built beside
    /// these tests (same configuration, same artifacts path if one was used); <c>out/wharf</c>,
    /// where <c>./wharf</c> builds it.
    /// </summary>
    public static string WharfCliDll()
    {
        var candidates = CliCandidates().ToList();
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException(
                "The wharf CLI is not built. Run ./test.sh, or `dotnet build src/Wharf.Cli -c Release`. Looked for:\n  "
                + string.Join("\n  ", candidates));
    }

    private static IEnumerable<string> CliCandidates()
    {
        if (Environment.GetEnvironmentVariable("WHARF_CLI_DLL") is { Length: > 0 } explicitDll)
        {
            yield return Path.GetFullPath(explicitDll, Root);
        }

        // With --artifacts-path the tests run from <artifacts>/bin/Wharf.EndToEnd.Tests/<pivot>/.
        var testDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        if (testDir.Parent is { Name: "Wharf.EndToEnd.Tests", Parent: { } binDir })
        {
            yield return Path.Combine(binDir.FullName, "Wharf.Cli", testDir.Name, "wharf.dll");
        }

        var assembly = typeof(RepoPaths).Assembly;
        var configuration = assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var framework = Metadata("WharfTargetFramework") ?? "net10.0";
        yield return Path.Combine(Root, "src", "Wharf.Cli", "bin", configuration, framework, "wharf.dll");
        yield return Path.Combine(Root, "out", "wharf", "wharf.dll");
    }

    private static string FindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Metadata("WharfRepoRoot"), Environment.CurrentDirectory })
        {
            for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Wharf.slnx")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException("No Wharf.slnx above the test assembly, the project folder or the working directory.");
    }

    private static string? Metadata(string key) =>
        typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value;
}
