namespace Wharf.Server.CloudWatch.Common;

/// <summary>The output of CloudWatch operations the model gives none.</summary>
internal sealed class NoOutput
{
    public static NoOutput Instance { get; } = new();
}
