namespace Wharf.Server.CloudMap.Common;

/// <summary>The output of operations the model gives none (written as <c>{}</c>).</summary>
internal sealed class EmptyOutput
{
    public static EmptyOutput Instance { get; } = new();
}
