namespace Wharf.Server.CloudMap.Common;

/// <summary>Checks the DNS names Cloud Map accepts for namespaces.</summary>
internal static class DnsNames
{
    /// <summary>The name without a trailing dot, checked label by label (1–63 letters, digits, <c>-</c> and <c>_</c>; at most 253 in all).</summary>
    public static string Normalize(string? name)
    {
        var trimmed = (name ?? "").TrimEnd('.');
        if (trimmed.Length is 0 or > 253)
        {
            throw CloudMapErrors.InvalidInput($"Invalid namespace name '{name}': a DNS name is 1 to 253 characters.");
        }

        foreach (var label in trimmed.Split('.'))
        {
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-'
                || !label.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                throw CloudMapErrors.InvalidInput(
                    $"Invalid namespace name '{name}': each label is 1 to 63 letters, digits, hyphens or underscores.");
            }
        }

        return trimmed;
    }
}
