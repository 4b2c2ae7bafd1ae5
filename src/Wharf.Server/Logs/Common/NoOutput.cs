namespace Wharf.Server.Logs.Common;

/// <summary>The output of operations the model gives none (written as <c>{}</c>).</summary>
internal sealed class NoOutput
{
    public static NoOutput Instance { get; } = new();
}
