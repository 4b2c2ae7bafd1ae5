using Xunit;

namespace Wharf.EndToEnd.Tests.Terraform;

/// <summary>
/// A fact that needs Terraform and the local hashicorp/aws mirror: reported as skipped, with the
/// reason, on a machine that lacks either, never as passed.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class TerraformFactAttribute : FactAttribute
{
    public TerraformFactAttribute()
    {
        if (TerraformInstallation.Missing is { } reason)
        {
            Skip = reason;
        }
    }
}
