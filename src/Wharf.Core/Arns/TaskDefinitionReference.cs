using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Wharf.Core.Arns;

/// <summary>
/// A task definition as a client names it: a family alone (the latest ACTIVE revision) or a
/// family with a revision. Parse ARNs with <see cref="ArnParser.ParseTaskDefinitionReference"/>.
/// </summary>
/// <param name="Family">Up to 255 letters, digits, underscores and hyphens.</param>
/// <param name="Revision">1 or more; null for "the latest ACTIVE revision".</param>
public sealed record TaskDefinitionReference(string Family, int? Revision)
{
    /// <summary><c>family</c> or <c>family:revision</c>.</summary>
    public override string ToString() =>
        Revision is { } revision ? $"{Family}:{revision.ToString(CultureInfo.InvariantCulture)}" : Family;

    /// <summary>
    /// Parses <c>family</c> or <c>family:revision</c> (not an ARN). On failure <paramref name="error"/>
    /// says why, in words fit for an <c>InvalidParameterException</c>.
    /// </summary>
    public static bool TryParse(
        string? value,
        [NotNullWhen(true)] out TaskDefinitionReference? reference,
        [NotNullWhen(false)] out string? error)
    {
        reference = null;
        if (string.IsNullOrEmpty(value))
        {
            error = "Task definition cannot be empty.";
            return false;
        }

        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var family = colon < 0 ? value : value[..colon];
        if (!ResourceNames.IsValidName(family))
        {
            error = $"Invalid task definition '{value}': {ResourceNames.NameRule("family")}";
            return false;
        }

        int? revision = null;
        if (colon >= 0)
        {
            if (!TryParseRevision(value.AsSpan(colon + 1), out var parsed))
            {
                error = $"Invalid revision number in task definition '{value}': a revision is a whole number of 1 or more.";
                return false;
            }

            revision = parsed;
        }

        reference = new TaskDefinitionReference(family, revision);
        error = null;
        return true;
    }

    private static bool TryParseRevision(ReadOnlySpan<char> text, out int revision)
    {
        revision = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out revision) && revision >= 1;
    }
}
