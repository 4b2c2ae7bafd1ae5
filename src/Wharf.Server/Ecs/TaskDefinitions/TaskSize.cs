using System.Globalization;
using Wharf.Server.Ecs.Common;

namespace Wharf.Server.Ecs.TaskDefinitions;

/// <summary>
/// Task-level <c>cpu</c> and <c>memory</c> as ECS accepts them: CPU units ("1024") or vCPUs
/// ("1 vCPU", "0.5 vcpu"); MiB ("2048") or GB ("2GB", "0.5 GB"). ECS stores the converted whole
/// number, so Wharf does too.
/// </summary>
internal static class TaskSize
{
    /// <summary>The task cpu range ECS accepts for EC2: 0.125 to 192 vCPUs.</summary>
    public const int MinCpu = 128;
    public const int MaxCpu = 196_608;

    /// <summary>Docker 20.10 refuses memory limits below 6 MiB.</summary>
    public const int MinMemory = 6;

    public static int? ParseCpu(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var units = Parse(value, ["vcpu"], 1024);
        return units is >= MinCpu and <= MaxCpu ? units : throw InvalidCpu();
    }

    public static int? ParseMemory(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var mib = Parse(value, ["gb"], 1024);
        return mib >= MinMemory ? mib : throw InvalidMemory();
    }

    public static Protocol.Errors.AwsServiceException InvalidCpu() =>
        EcsErrors.Client("Invalid 'cpu' setting for task. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.");

    public static Protocol.Errors.AwsServiceException InvalidMemory() =>
        EcsErrors.Client("Invalid 'memory' setting for task. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.");

    /// <summary>A whole number, or a decimal followed by one of <paramref name="units"/> and scaled by <paramref name="scale"/>; -1 when neither.</summary>
    private static int Parse(string value, string[] units, int scale)
    {
        var text = value.Trim();
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var whole))
        {
            return whole;
        }

        foreach (var unit in units)
        {
            if (text.EndsWith(unit, StringComparison.OrdinalIgnoreCase)
                && decimal.TryParse(text[..^unit.Length].TrimEnd(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            {
                var scaled = amount * scale;
                return scaled == decimal.Truncate(scaled) && scaled <= int.MaxValue ? (int)scaled : -1;
            }
        }

        return -1;
    }
}
