namespace Wharf.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Base of the tests that drive a <see cref="WharfFixture"/>: wraps each scenario so that a
/// failure prints the instance's output with the test's own.
/// </summary>
public abstract class WharfTest(WharfFixture wharf, ITestOutputHelper output)
{
    protected WharfFixture Wharf => wharf;

    protected AwsCli Aws => wharf.Aws;

    protected ITestOutputHelper Output => output;

    /// <summary>Runs <paramref name="body"/>; on failure writes <see cref="WharfFixture.Describe"/> to the test output.</summary>
    protected async Task Scenario(Func<Task> body)
    {
        try
        {
            await body();
        }
        catch
        {
            output.WriteLine(wharf.Describe());
            throw;
        }
    }
}
