using Wharf.Core.Model;
using Wharf.Protocol.Generated.Ecs;

namespace Wharf.Server.Ecs.Common;

/// <summary>Builds the wire <c>Cluster</c> from a record, its counts and the parts asked for.</summary>
internal static class ClusterMapper
{
    /// <summary>What CreateCluster, UpdateCluster and DeleteCluster return: settings, configuration and tags always.</summary>
    public const ClusterFields MutationFields = ClusterFields.Settings | ClusterFields.Configurations | ClusterFields.Tags;

    public const string ContainerInsights = "containerInsights";

    /// <summary>Parses <c>include</c>; an unknown value is an InvalidParameterException.</summary>
    public static ClusterFields ParseInclude(IEnumerable<string>? include)
    {
        var fields = ClusterFields.None;
        foreach (var value in include ?? [])
        {
            fields |= value switch
            {
                "ATTACHMENTS" => ClusterFields.Attachments,
                "CONFIGURATIONS" => ClusterFields.Configurations,
                "SETTINGS" => ClusterFields.Settings,
                "STATISTICS" => ClusterFields.Statistics,
                "TAGS" => ClusterFields.Tags,
                _ => throw EcsErrors.NotOneOf("include", value, "ATTACHMENTS", "CONFIGURATIONS", "SETTINGS", "STATISTICS", "TAGS"),
            };
        }

        return fields;
    }

    public static Cluster ToWire(ClusterRecord record, ClusterCounts counts, ClusterFields fields, List<Tag>? tags)
    {
        var cluster = new Cluster
        {
            ClusterArn = record.Arn,
            ClusterName = record.Name,
            Status = record.Status,
            RegisteredContainerInstancesCount = counts.RegisteredContainerInstances,
            RunningTasksCount = counts.RunningTasks,
            PendingTasksCount = counts.PendingTasks,
            ActiveServicesCount = counts.ActiveServices,
            Statistics = fields.HasFlag(ClusterFields.Statistics) ? Statistics(counts) : [],
            Tags = fields.HasFlag(ClusterFields.Tags) ? tags ?? [] : [],
            CapacityProviders = [.. record.CapacityProviders],
            DefaultCapacityProviderStrategy =
                WireJson.FromNode<List<CapacityProviderStrategyItem>>(record.DefaultCapacityProviderStrategy) ?? [],
            ServiceConnectDefaults = WireJson.FromNode<ClusterServiceConnectDefaults>(record.ServiceConnectDefaults),
        };

        if (fields.HasFlag(ClusterFields.Settings))
        {
            cluster.Settings = Settings(record);
        }

        if (fields.HasFlag(ClusterFields.Configurations))
        {
            cluster.Configuration = WireJson.FromNode<ClusterConfiguration>(record.Configuration);
        }

        if (fields.HasFlag(ClusterFields.Attachments))
        {
            // Attachments describe capacity provider resources ECS manages; Wharf creates none.
            cluster.Attachments = [];
        }

        return cluster;
    }

    /// <summary>The stored settings, with containerInsights <c>disabled</c> when never set (the account default).</summary>
    public static List<ClusterSetting> Settings(ClusterRecord record)
    {
        var settings = WireJson.FromNode<List<ClusterSetting>>(record.Settings) ?? [];
        if (!settings.Exists(s => s.Name == ContainerInsights))
        {
            settings.Insert(0, new ClusterSetting { Name = ContainerInsights, Value = "disabled" });
        }

        return settings;
    }

    /// <summary>ECS's statistics, split by launch type (every Wharf task is EC2).</summary>
    private static List<Protocol.Generated.Ecs.KeyValuePair> Statistics(ClusterCounts counts) =>
    [
        Stat("runningEC2TasksCount", counts.RunningTasks),
        Stat("runningFargateTasksCount", 0),
        Stat("pendingEC2TasksCount", counts.PendingTasks),
        Stat("pendingFargateTasksCount", 0),
        Stat("activeEC2ServiceCount", counts.ActiveServices),
        Stat("activeFargateServiceCount", 0),
        Stat("drainingEC2ServiceCount", counts.DrainingServices),
        Stat("drainingFargateServiceCount", 0),
    ];

    private static Protocol.Generated.Ecs.KeyValuePair Stat(string name, int value) =>
        new() { Name = name, Value = value.ToString(System.Globalization.CultureInfo.InvariantCulture) };
}
