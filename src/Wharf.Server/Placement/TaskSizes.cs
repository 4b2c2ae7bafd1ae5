using System.Globalization;

namespace Wharf.Server.Placement;

/// <summary>
/// Task-level <c>cpu</c> and <c>memory</c> strings as ECS accepts them: CPU units (<c>"256"</c>) or
/// vCPUs (<c>"1 vCPU"</c>, <c>"0.5 vcpu"</c>), memory in MiB (<c>"512"</c>) or GB (<c>"1 GB"</c>).
/// </summary>
internal static class TaskSizes
{
    public static bool TryParseCpu(string? value, out int units) => TryParse(value, "vcpu", out units);

    public static bool TryParseMemory(string? value, out int mib) => TryParse(value, "gb", out mib);

    private static bool TryParse(string? value, string unit, out int result)
    {
        result = 0;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var text = value.Trim();
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out result))
        {
            return result > 0;
        }

        if (!text.EndsWith(unit, StringComparison.OrdinalIgnoreCase)
            || !decimal.TryParse(text[..^unit.Length].Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            return false;
        }

        var scaled = amount * 1024;
        if (scaled <= 0 || scaled > int.MaxValue || scaled != decimal.Truncate(scaled))
        {
            return false;
        }

        result = (int)scaled;
        return true;
    }
}
