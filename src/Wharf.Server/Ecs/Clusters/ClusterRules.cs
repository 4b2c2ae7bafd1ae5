using System.Text.Json.Nodes;
using Wharf.Core.Arns;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.Ecs.Common;

namespace Wharf.Server.Ecs.Clusters;

/// <summary>ECS's rules for what CreateCluster, UpdateCluster and the settings calls accept.</summary>
internal static class ClusterRules
{
    private static readonly string[] InsightsValues = ["enabled", "disabled", "enhanced"];

    public static void ValidateName(string name)
    {
        if (!ResourceNames.IsValidName(name))
        {
            throw EcsErrors.InvalidParameter($"Invalid cluster name '{name}': {ResourceNames.NameRule("Cluster")}");
        }
    }

    /// <summary>Every setting is containerInsights with enabled, disabled or enhanced.</summary>
    public static void ValidateSettings(IEnumerable<ClusterSetting>? settings)
    {
        foreach (var setting in settings ?? [])
        {
            if (setting.Name != ClusterMapper.ContainerInsights)
            {
                throw EcsErrors.NotOneOf("settings.name", setting.Name, ClusterMapper.ContainerInsights);
            }

            if (setting.Value is null || !InsightsValues.Contains(setting.Value))
            {
                throw EcsErrors.NotOneOf("settings.value", setting.Value, InsightsValues);
            }
        }
    }

    /// <summary>Settings merged by name: a new value replaces the old one of the same name.</summary>
    public static JsonArray? MergeSettings(JsonArray? stored, IReadOnlyList<ClusterSetting>? updates)
    {
        if (updates is null || updates.Count == 0)
        {
            return stored;
        }

        var merged = WireJson.FromNode<List<ClusterSetting>>(stored) ?? [];
        foreach (var update in updates)
        {
            merged.RemoveAll(s => s.Name == update.Name);
            merged.Add(new ClusterSetting { Name = update.Name, Value = update.Value });
        }

        return WireJson.ToNode<JsonArray>(merged);
    }

    /// <summary>logging is NONE, DEFAULT or OVERRIDE, and OVERRIDE needs a logConfiguration.</summary>
    public static void ValidateConfiguration(ClusterConfiguration? configuration)
    {
        var execute = configuration?.ExecuteCommandConfiguration;
        if (execute?.Logging is { } logging)
        {
            if (logging is not ("NONE" or "DEFAULT" or "OVERRIDE"))
            {
                throw EcsErrors.NotOneOf("configuration.executeCommandConfiguration.logging", logging, "NONE", "DEFAULT", "OVERRIDE");
            }

            if (logging == "OVERRIDE" && execute.LogConfiguration is null)
            {
                throw EcsErrors.InvalidParameter("A logConfiguration is required when executeCommandConfiguration.logging is OVERRIDE.");
            }
        }
    }

    /// <summary>
    /// Capacity provider names are well formed and unique; every strategy item names one of them,
    /// has base 0–100,000 and weight 0–1,000; only one item has a base.
    /// </summary>
    public static void ValidateCapacityProviders(IReadOnlyList<string>? providers, IReadOnlyList<CapacityProviderStrategyItem>? strategy)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var provider in providers ?? [])
        {
            if (!ResourceNames.IsValidName(provider))
            {
                throw EcsErrors.InvalidParameter($"Invalid capacity provider '{provider}': {ResourceNames.NameRule("Capacity provider")}");
            }

            if (!names.Add(provider))
            {
                throw EcsErrors.InvalidParameter($"The capacity provider '{provider}' is listed more than once.");
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var withBase = 0;
        foreach (var item in strategy ?? [])
        {
            if (item.CapacityProvider is null || !names.Contains(item.CapacityProvider))
            {
                throw EcsErrors.InvalidParameter(
                    $"The specified capacity provider strategy cannot contain a capacity provider that is not associated with the cluster: '{item.CapacityProvider}'. Associate the capacity provider with the cluster or specify a valid capacity provider and try again.");
            }

            if (!seen.Add(item.CapacityProvider))
            {
                throw EcsErrors.InvalidParameter($"The capacity provider '{item.CapacityProvider}' appears more than once in the strategy.");
            }

            if (item.Base is < 0 or > 100_000)
            {
                throw EcsErrors.InvalidParameter($"The base of capacity provider '{item.CapacityProvider}' must be between 0 and 100000.");
            }

            if (item.Weight is < 0 or > 1_000)
            {
                throw EcsErrors.InvalidParameter($"The weight of capacity provider '{item.CapacityProvider}' must be between 0 and 1000.");
            }

            if (item.Base is > 0 && ++withBase > 1)
            {
                throw EcsErrors.InvalidParameter("Only one capacity provider in a capacity provider strategy can have a base defined.");
            }
        }
    }

    public static ClusterServiceConnectDefaults? ServiceConnectDefaults(ClusterServiceConnectDefaultsRequest? request) =>
        request is null ? null : new ClusterServiceConnectDefaults { Namespace = request.Namespace };
}
