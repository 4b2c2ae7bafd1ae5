using Wharf.EndToEnd.Tests.Infrastructure;

namespace Wharf.EndToEnd.Tests.Terraform;

/// <summary>
/// A Terraform working directory made from some of the files of <c>examples/terraform/</c> (or of
/// another folder of the repository), with
/// its own CLI configuration (the local provider mirror) and variables pointing at one Wharf.
/// Runs the real <c>terraform</c> there, non-interactively, isolated from the machine's AWS and
/// Terraform settings.
/// </summary>
public sealed class TerraformWorkspace : IDisposable
{
    // Generous: on a loaded machine the provider alone (a 600 MB binary, its waiters, a refresh of
    // every resource) takes minutes per command; a hung command still ends the test.
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(10);
    private readonly Dictionary<string, string?> environment;
    private readonly ITestOutputHelper output;

    public TerraformWorkspace(IEnumerable<string> exampleFiles, IReadOnlyDictionary<string, string> variables, ITestOutputHelper output)
        : this(Path.Combine("examples", "terraform"), exampleFiles, variables, output)
    {
    }

    /// <summary>
    /// A workspace made from <paramref name="files"/> of <paramref name="sourceFolder"/>, a folder
    /// relative to the repository's root (or absolute).
    /// </summary>
    public TerraformWorkspace(string sourceFolder, IEnumerable<string> files, IReadOnlyDictionary<string, string> variables, ITestOutputHelper output)
    {
        this.output = output;
        Directory = System.IO.Directory.CreateTempSubdirectory("wharf-e2e-tf-").FullName;
        var source = Path.Combine(RepoPaths.Root, sourceFolder);
        foreach (var file in files)
        {
            File.Copy(Path.Combine(source, file), Path.Combine(Directory, file));
        }

        var cliConfig = Path.Combine(Directory, "terraform.rc");
        File.WriteAllText(cliConfig, TerraformInstallation.CliConfiguration(TerraformInstallation.Mirror!));
        environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["TF_CLI_CONFIG_FILE"] = cliConfig,
            ["TF_IN_AUTOMATION"] = "1",
            ["TF_INPUT"] = "0",
            ["CHECKPOINT_DISABLE"] = "1",
            ["TF_LOG"] = null,
            ["TF_DATA_DIR"] = null,
            ["TF_PLUGIN_CACHE_DIR"] = null,
            ["HOME"] = Directory,
            ["AWS_CONFIG_FILE"] = "/dev/null",
            ["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null",
            ["AWS_PROFILE"] = null,
            ["AWS_ACCESS_KEY_ID"] = null,
            ["AWS_SECRET_ACCESS_KEY"] = null,
            ["AWS_SESSION_TOKEN"] = null,
            ["AWS_ENDPOINT_URL"] = null,
            ["AWS_EC2_METADATA_DISABLED"] = "true",
        };
        foreach (var (name, value) in variables)
        {
            environment["TF_VAR_" + name] = value;
        }

        // WHARF_E2E_TF_LOG=debug keeps the provider's requests and responses in terraform.log
        // beside the configuration (with WHARF_E2E_KEEP=1 the folder stays after the test).
        if (Environment.GetEnvironmentVariable("WHARF_E2E_TF_LOG") is { Length: > 0 } level)
        {
            environment["TF_LOG"] = level;
            environment["TF_LOG_PATH"] = Path.Combine(Directory, "terraform.log");
        }
    }

    /// <summary>The <c>*.tf</c> files of a folder of the repository (relative to its root), by name.</summary>
    public static IReadOnlyList<string> ConfigurationFiles(string sourceFolder) =>
        System.IO.Directory.GetFiles(Path.Combine(RepoPaths.Root, sourceFolder), "*.tf")
            .Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToList();

    /// <summary>The working directory.</summary>
    public string Directory { get; }

    /// <summary>Writes an extra configuration file into the working directory.</summary>
    public void Write(string file, string content) => File.WriteAllText(Path.Combine(Directory, file), content);

    /// <summary>Removes a file from the working directory.</summary>
    public void Remove(string file) => File.Delete(Path.Combine(Directory, file));

    /// <summary><c>terraform &lt;args&gt;</c>; its output goes to the test output.</summary>
    public async Task<ProcessResult> RunAsync(params string[] args)
    {
        output.WriteLine($"$ terraform {string.Join(' ', args)}");
        var result = await ProcessRunner.RunAsync(TerraformInstallation.Binary!, args,
            environment, timeout: CommandTimeout, workingDirectory: Directory);
        output.WriteLine(result.ToString());
        return result;
    }

    /// <summary><c>terraform &lt;args&gt;</c> that must exit 0.</summary>
    public async Task<ProcessResult> MustAsync(params string[] args)
    {
        var result = await RunAsync(args);
        Assert.True(result.Succeeded, $"terraform {string.Join(' ', args)} failed:\n{result}");
        return result;
    }

    /// <summary>
    /// <c>terraform plan -detailed-exitcode</c>: 0 when the state matches what Wharf reports, 2 when
    /// Terraform would change something (the plan, with each drifting attribute, is in the message).
    /// </summary>
    public async Task AssertNoDriftAsync(string when)
    {
        var plan = await RunAsync("plan", "-detailed-exitcode", "-no-color", "-input=false", "-lock=false");
        Assert.True(plan.ExitCode == 0, $"terraform plan {when} should report no changes (exit 0), got:\n{plan}");
    }

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("WHARF_E2E_KEEP") == "1")
        {
            return;
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
