using System.Text.RegularExpressions;
using Wharf.EndToEnd.Tests.Infrastructure;

namespace Wharf.EndToEnd.Tests.Walkthrough;

/// <summary>The README shows what the walkthrough test runs, so the two cannot drift apart.</summary>
[Trait("Category", "Docs")]
public sealed partial class ReadmeTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);

    [Fact]
    public void Readme_FirstCodeBlock_IsTheRunThenTheTestCommand()
    {
        var first = CodeBlock().Match(Readme);

        Assert.True(first.Success, "README.md has no fenced code block");
        Assert.Equal(["./wharf up", "./test.sh"], first.Groups[1].Value.Trim().Split('\n').Select(l => l.Trim()).ToArray());
    }

    [Fact]
    public void Readme_Walkthrough_ShowsTheCommandsTheTestRuns()
    {
        foreach (var command in WalkthroughTests.ReadmeCommands)
        {
            Assert.Contains("aws " + string.Join(' ', command), Readme, StringComparison.Ordinal);
        }

        Assert.Contains("aws ecs stop-task", Readme, StringComparison.Ordinal);
        Assert.Contains("aws ecs describe-tasks", Readme, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(RepoPaths.Root, WalkthroughTests.TaskDefinitionFile)));
    }

    [Fact]
    public void Readme_AwsProfile_IsTheOneTheTestUses()
    {
        Assert.Contains(ReadmeText.ProfileConfig.Trim(), Readme, StringComparison.Ordinal);
        Assert.Contains(ReadmeText.ProfileCredentials.Trim(), Readme, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"```[a-z]*\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();
}
