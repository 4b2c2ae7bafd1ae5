using System.Diagnostics.CodeAnalysis;

namespace Wharf.Scheduling.Model;

/// <summary>
/// One placement strategy, normalised: binpack fields are <c>cpu</c>/<c>memory</c>, spread on
/// <c>host</c> is stored as <c>instanceId</c>, random has no field.
/// </summary>
public sealed record PlacementStrategy
{
    private PlacementStrategy(PlacementStrategyType type, string? field)
    {
        Type = type;
        Field = field;
    }

    /// <summary>The ECS limit on strategies per task or service.</summary>
    public const int MaxPerRequest = 5;

    /// <summary>The spread field meaning "each instance is its own value".</summary>
    public const string InstanceIdField = "instanceId";

    /// <summary>The prefix of a spread field naming an attribute.</summary>
    public const string AttributePrefix = "attribute:";

    /// <summary>The strategy type.</summary>
    public PlacementStrategyType Type { get; }

    /// <summary>The normalised field; null for random.</summary>
    public string? Field { get; }

    /// <summary>For spread on an attribute, the attribute name; otherwise null.</summary>
    public string? AttributeName => Type == PlacementStrategyType.Spread && Field!.StartsWith(AttributePrefix, StringComparison.Ordinal)
        ? Field[AttributePrefix.Length..]
        : null;

    /// <summary>The random strategy.</summary>
    public static PlacementStrategy Random { get; } = new(PlacementStrategyType.Random, null);

    /// <summary>Binpack on cpu.</summary>
    public static PlacementStrategy BinpackCpu { get; } = new(PlacementStrategyType.Binpack, "cpu");

    /// <summary>Binpack on memory.</summary>
    public static PlacementStrategy BinpackMemory { get; } = new(PlacementStrategyType.Binpack, "memory");

    /// <summary>Spread across instances.</summary>
    public static PlacementStrategy SpreadInstanceId { get; } = new(PlacementStrategyType.Spread, InstanceIdField);

    /// <summary>Spread across the values of an attribute, e.g. <c>ecs.availability-zone</c>.</summary>
    public static PlacementStrategy SpreadAttribute(string attributeName)
    {
        ArgumentException.ThrowIfNullOrEmpty(attributeName);
        return new(PlacementStrategyType.Spread, AttributePrefix + attributeName);
    }

    /// <summary>
    /// Builds a strategy from its wire form with ECS's accepted fields: binpack on <c>cpu</c> or
    /// <c>memory</c>; spread on <c>instanceId</c>, <c>host</c> or <c>attribute:name</c>; random ignores the field.
    /// </summary>
    /// <returns>False with a message for an <c>InvalidParameterException</c> when the input is not valid.</returns>
    public static bool TryCreate(
        string? type,
        string? field,
        [NotNullWhen(true)] out PlacementStrategy? strategy,
        [NotNullWhen(false)] out string? error)
    {
        strategy = null;
        error = null;
        switch (type)
        {
            case "random":
                strategy = Random;
                return true;
            case "binpack":
                if (string.Equals(field, "cpu", StringComparison.OrdinalIgnoreCase))
                {
                    strategy = BinpackCpu;
                }
                else if (string.Equals(field, "memory", StringComparison.OrdinalIgnoreCase))
                {
                    strategy = BinpackMemory;
                }
                else
                {
                    error = $"Invalid field '{field}' for the binpack placement strategy. Valid values are cpu and memory.";
                    return false;
                }

                return true;
            case "spread":
                if (string.Equals(field, InstanceIdField, StringComparison.OrdinalIgnoreCase)
                    || string.Equals(field, "host", StringComparison.OrdinalIgnoreCase))
                {
                    strategy = SpreadInstanceId;
                    return true;
                }

                if (field is not null
                    && field.StartsWith(AttributePrefix, StringComparison.Ordinal)
                    && field.Length > AttributePrefix.Length)
                {
                    strategy = SpreadAttribute(field[AttributePrefix.Length..]);
                    return true;
                }

                error = $"Invalid field '{field}' for the spread placement strategy. Valid values are instanceId, host or attribute:<name>.";
                return false;
            default:
                error = $"Invalid placement strategy type '{type}'. Valid values are random, spread and binpack.";
                return false;
        }
    }

    /// <inheritdoc />
    public override string ToString() => Field is null ? "random" : $"{Type.ToString().ToLowerInvariant()}({Field})";
}
