using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;
using Wharf.Protocol.Errors;
using Wharf.Protocol.Model;

namespace Wharf.Protocol.Validation;

/// <summary>
/// Checks a decoded input against its model: required members present, lengths and ranges
/// within <c>min</c>/<c>max</c>, strings matching <c>pattern</c> and enum values. Problems are
/// worded as AWS's validation layer words them (<c>1 validation error detected: Value null at
/// 'cluster' failed to satisfy constraint: Member must not be null</c>) and raised with the
/// service's own validation error (see <see cref="ValidationErrors"/>).
/// </summary>
public static class InputValidator
{
    private const int MaxReported = 10;

    /// <summary>Validates the input of <paramref name="operation"/>; null when it is valid.</summary>
    public static AwsServiceException? Validate(OperationModel operation, object? input) =>
        operation.Input is { } shape ? Validate(operation.Service, shape, input ?? shape.CreateInstance()) : null;

    /// <summary>Validates <paramref name="input"/> against <paramref name="shape"/>; null when it is valid.</summary>
    public static AwsServiceException? Validate(ServiceModel service, Shape shape, object input)
    {
        var problems = new List<Problem>();
        CheckStructure(shape, input, string.Empty, problems);
        if (problems.Count == 0)
        {
            return null;
        }

        var count = problems.Count;
        var message = $"{count} validation error{(count == 1 ? string.Empty : "s")} detected: "
            + string.Join("; ", problems.Take(MaxReported).Select(p => p.Text));
        return ValidationErrors.Create(service, problems.Exists(p => p.Missing), message);
    }

    /// <summary>The names (model spelling) of the required members of <paramref name="shape"/> that are null in <paramref name="input"/>.</summary>
    public static IReadOnlyList<string> MissingRequiredMembers(Shape shape, object input) =>
        shape.RequiredMembers.Where(m => m.Get(input) is null).Select(m => m.Name).ToArray();

    /// <summary>Whether a single value satisfies its shape's own constraints (not recursing into members).</summary>
    public static bool IsWithinConstraints(Shape shape, object value) => CheckValue(shape, value) is null;

    private static void CheckStructure(Shape shape, object value, string path, List<Problem> problems)
    {
        foreach (var member in shape.Members)
        {
            var memberPath = path.Length == 0 ? member.Name : path + "." + member.Name;
            var memberValue = member.Get(value);
            if (memberValue is null)
            {
                if (member.IsRequired)
                {
                    problems.Add(new Problem($"Value null at '{memberPath}' failed to satisfy constraint: Member must not be null", true));
                }

                continue;
            }

            Check(member.Shape, memberValue, memberPath, problems);
        }
    }

    private static void Check(Shape shape, object value, string path, List<Problem> problems)
    {
        if (problems.Count > MaxReported)
        {
            return;
        }

        if (CheckValue(shape, value) is { } constraint)
        {
            problems.Add(new Problem($"Value {Show(value)} at '{path}' failed to satisfy constraint: {constraint}", false));
        }

        switch (shape.Type)
        {
            case ShapeType.Structure:
                CheckStructure(shape, value, path, problems);
                break;
            case ShapeType.List:
                var index = 0;
                foreach (var item in (IEnumerable)value)
                {
                    index++;
                    if (item is not null)
                    {
                        Check(shape.Member!.Shape, item, $"{path}.{index}.member", problems);
                    }
                }

                break;
            case ShapeType.Map:
                foreach (DictionaryEntry entry in (IDictionary)value)
                {
                    Check(shape.Key!.Shape, entry.Key, $"{path}.key", problems);
                    if (entry.Value is not null)
                    {
                        Check(shape.Value!.Shape, entry.Value, $"{path}.{entry.Key}.member", problems);
                    }
                }

                break;
        }
    }

    // The constraint a value breaks, worded as AWS does, or null.
    private static string? CheckValue(Shape shape, object value)
    {
        switch (value)
        {
            case string s:
                if (shape.EnumValues is { } values && !values.Contains(s))
                {
                    return $"Member must satisfy enum value set: [{string.Join(", ", values.Order(StringComparer.Ordinal))}]";
                }

                return CheckLength(shape, CountRunes(s)) ?? CheckPattern(shape, s);
            case ICollection collection when shape.Type is ShapeType.List or ShapeType.Map:
                return CheckLength(shape, collection.Count);
            case byte[] bytes:
                return CheckLength(shape, bytes.Length);
            case int or long:
                var n = Convert.ToInt64(value, CultureInfo.InvariantCulture);
                return n < shape.Min ? $"Member must have value greater than or equal to {shape.Min}"
                    : n > shape.Max ? $"Member must have value less than or equal to {shape.Max}"
                    : null;
            case double or float:
                var d = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                return d < shape.Min ? $"Member must have value greater than or equal to {shape.Min}"
                    : d > shape.Max ? $"Member must have value less than or equal to {shape.Max}"
                    : null;
            default:
                return null;
        }
    }

    private static string? CheckLength(Shape shape, long length) =>
        length < shape.Min ? $"Member must have length greater than or equal to {shape.Min}"
        : length > shape.Max ? $"Member must have length less than or equal to {shape.Max}"
        : null;

    private static string? CheckPattern(Shape shape, string value)
    {
        if (shape.PatternRegex is not { } regex)
        {
            return null;
        }

        try
        {
            return regex.IsMatch(value) ? null : $"Member must satisfy regular expression pattern: {shape.Pattern}";
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    private static int CountRunes(string s)
    {
        var count = 0;
        foreach (var c in s)
        {
            if (!char.IsLowSurrogate(c))
            {
                count++;
            }
        }

        return count;
    }

    private static string Show(object value) => value switch
    {
        string s => $"'{(s.Length > 256 ? s[..256] + "…" : s)}'",
        byte[] => "'(binary)'",
        ICollection c => $"'[{c.Count} items]'",
        _ => $"'{Convert.ToString(value, CultureInfo.InvariantCulture)}'",
    };

    private readonly record struct Problem(string Text, bool Missing);
}
