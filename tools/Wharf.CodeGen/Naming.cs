using System.Globalization;
using System.Text;

namespace Wharf.CodeGen;

/// <summary>Turns model names into C# identifiers and literals.</summary>
internal static class Naming
{
    /// <summary>PascalCase for a member name: the first letter upper-cased, invalid characters replaced.</summary>
    public static string Pascal(string name)
    {
        var id = Sanitize(name);
        return char.ToUpperInvariant(id[0]) + id[1..];
    }

    /// <summary>A constant name for an enum value: <c>FARGATE_SPOT</c> → <c>FargateSpot</c>, <c>t2.micro</c> → <c>T2Micro</c>.</summary>
    public static string EnumConstant(string value)
    {
        var sb = new StringBuilder();
        foreach (var part in value.Split(c => !char.IsAsciiLetterOrDigit(c)))
        {
            if (part.Length == 0)
            {
                continue;
            }

            var uniform = part.All(c => !char.IsAsciiLetterLower(c)) || part.All(c => !char.IsAsciiLetterUpper(c));
            sb.Append(char.ToUpperInvariant(part[0]));
            sb.Append(uniform ? part[1..].ToLowerInvariant() : part[1..]);
        }

        if (sb.Length == 0)
        {
            return "Empty";
        }

        return char.IsAsciiDigit(sb[0]) ? "_" + sb : sb.ToString();
    }

    /// <summary>A C# string literal with every non-printable or non-ASCII character escaped.</summary>
    public static string Literal(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        var sb = new StringBuilder("\"");
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': sb.Append(@"\\"); break;
                case '"': sb.Append("\\\""); break;
                case < ' ' or > '~': sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"); break;
                default: sb.Append(c); break;
            }
        }

        return sb.Append('"').ToString();
    }

    private static string Sanitize(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            sb.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        }

        if (sb.Length == 0 || char.IsAsciiDigit(sb[0]))
        {
            sb.Insert(0, '_');
        }

        return sb.ToString();
    }

    private static string[] Split(this string value, Func<char, bool> isSeparator)
    {
        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i <= value.Length; i++)
        {
            if (i == value.Length || isSeparator(value[i]))
            {
                parts.Add(value[start..i]);
                start = i + 1;
            }
        }

        return [.. parts];
    }
}
