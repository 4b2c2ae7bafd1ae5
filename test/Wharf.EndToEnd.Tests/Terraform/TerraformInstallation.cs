namespace Wharf.EndToEnd.Tests.Terraform;

/// <summary>
/// Where this machine's Terraform and its local provider mirror are: <c>terraform</c> on the
/// PATH (or <c>$TERRAFORM</c>), and the first folder holding
/// <c>registry.terraform.io/hashicorp/aws/&lt;version&gt;/linux_amd64/</c> among
/// <c>$WHARF_TF_PLUGIN_MIRROR</c>, the folders Terraform itself searches for local plugins, and
/// <c>/opt</c>, <c>/usr/local/share</c>, <c>/usr/share</c> a few levels deep. Found once.
/// </summary>
public static class TerraformInstallation
{
    private const string ProviderPath = "registry.terraform.io/hashicorp/aws";
    private static readonly Lazy<string?> LazyBinary = new(FindBinary);
    private static readonly Lazy<string?> LazyMirror = new(FindMirror);

    /// <summary>The terraform executable, or null when the machine has none.</summary>
    public static string? Binary => LazyBinary.Value;

    /// <summary>The filesystem mirror holding hashicorp/aws, or null when there is none.</summary>
    public static string? Mirror => LazyMirror.Value;

    /// <summary>Why the Terraform tests cannot run here, or null when they can.</summary>
    public static string? Missing =>
        Binary is null ? "terraform is not installed (not on the PATH, $TERRAFORM unset)"
        : Mirror is null ? $"no local provider mirror holding {ProviderPath} (set WHARF_TF_PLUGIN_MIRROR)"
        : null;

    /// <summary>A CLI configuration that installs every registry.terraform.io provider from <see cref="Mirror"/> only.</summary>
    public static string CliConfiguration(string mirror) =>
        $$"""
        provider_installation {
          filesystem_mirror {
            path    = "{{mirror}}"
            include = ["registry.terraform.io/*/*"]
          }
          direct {
            exclude = ["registry.terraform.io/*/*"]
          }
        }
        """;

    private static string? FindBinary()
    {
        if (Environment.GetEnvironmentVariable("TERRAFORM") is { Length: > 0 } explicitPath && File.Exists(explicitPath))
        {
            return explicitPath;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "terraform"))
            .FirstOrDefault(File.Exists);
    }

    private static string? FindMirror()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var direct = new[]
        {
            Environment.GetEnvironmentVariable("WHARF_TF_PLUGIN_MIRROR"),
            Path.Combine(home, ".terraform.d", "plugins"),
            Path.Combine(home, ".local", "share", "terraform", "plugins"),
            "/usr/local/share/terraform/plugins",
            "/usr/share/terraform/plugins",
        };
        var found = direct.FirstOrDefault(d => d is { Length: > 0 } && HoldsProvider(d));
        if (found is not null)
        {
            return found;
        }

        // Otherwise search a few levels under the usual roots for software installed by hand.
        foreach (var root in new[] { "/opt", "/usr/local/share", "/usr/share", "/usr/local/lib", "/srv" })
        {
            if (Search(new DirectoryInfo(root), depth: 3) is { } mirror)
            {
                return mirror;
            }
        }

        return null;
    }

    private static string? Search(DirectoryInfo dir, int depth)
    {
        if (!dir.Exists)
        {
            return null;
        }

        if (HoldsProvider(dir.FullName))
        {
            return dir.FullName;
        }

        if (depth == 0)
        {
            return null;
        }

        try
        {
            return dir.EnumerateDirectories()
                .Where(d => (d.Attributes & FileAttributes.ReparsePoint) == 0)
                .Select(d => Search(d, depth - 1))
                .FirstOrDefault(m => m is not null);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            return null;
        }
    }

    private static bool HoldsProvider(string dir)
    {
        var provider = Path.Combine(dir, ProviderPath);
        return Directory.Exists(provider)
            && Directory.EnumerateDirectories(provider).Any(version => Directory.Exists(Path.Combine(version, "linux_amd64")));
    }
}
