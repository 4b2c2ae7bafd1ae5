using Wharf.Core.Arns;
using Wharf.Scheduling.Model;
using Wharf.Scheduling.Reconcilers;
using Wharf.Server.Ecs.Common;
using Wharf.Server.Ecs.Tasks;
using Wire = Wharf.Protocol.Generated.Ecs;
using SchedulingConstraint = Wharf.Scheduling.Model.PlacementConstraint;
using SchedulingStrategy = Wharf.Scheduling.Model.PlacementStrategy;

namespace Wharf.Server.Ecs.Services;

/// <summary>
/// The field rules of CreateService and UpdateService that need no state, with the limits of the
/// ECS API reference. Every failure is an <c>InvalidParameterException</c> naming the field.
/// </summary>
internal static class ServiceValidation
{
    public const string Replica = "REPLICA";
    public const string Daemon = "DAEMON";

    public static string Name(string? name) =>
        ResourceNames.IsValidName(name) ? name : throw EcsErrors.InvalidParameter(ResourceNames.NameRule("Service"));

    public static Scheduling.Model.SchedulingStrategy Strategy(string? value) => value switch
    {
        null or Replica => Scheduling.Model.SchedulingStrategy.Replica,
        Daemon => Scheduling.Model.SchedulingStrategy.Daemon,
        _ => throw EcsErrors.NotOneOf("schedulingStrategy", value, Replica, Daemon),
    };

    public static string StrategyName(Scheduling.Model.SchedulingStrategy strategy) =>
        strategy == Scheduling.Model.SchedulingStrategy.Daemon ? Daemon : Replica;

    /// <summary>desiredCount: at least 0; a DAEMON service takes none (it runs one task per instance).</summary>
    public static int DesiredCount(int? desiredCount, Scheduling.Model.SchedulingStrategy strategy)
    {
        if (strategy == Scheduling.Model.SchedulingStrategy.Daemon)
        {
            return desiredCount is null or 0
                ? 0
                : throw EcsErrors.InvalidParameter("The daemon scheduling strategy does not support a desired count for services.");
        }

        return desiredCount switch
        {
            null => 0,
            < 0 => throw EcsErrors.InvalidParameter($"desiredCount must be at least 0; {desiredCount} was given."),
            _ => desiredCount.Value,
        };
    }

    /// <summary>The percents, defaults filled in for the strategy and ranges checked.</summary>
    public static (int Minimum, int Maximum) Percents(
        Wire.DeploymentConfiguration? configuration,
        Scheduling.Model.SchedulingStrategy strategy,
        int? currentMinimum = null,
        int? currentMaximum = null)
    {
        var (minimum, maximum) = DeploymentConfigurationRules.WithDefaults(
            strategy, configuration?.MinimumHealthyPercent ?? currentMinimum, configuration?.MaximumPercent ?? currentMaximum);
        return DeploymentConfigurationRules.Validate(strategy, minimum, maximum) is { } error
            ? throw EcsErrors.InvalidParameter(error)
            : (minimum, maximum);
    }

    /// <summary>Only the ECS deployment controller (ROLLING_UPDATE) is run here.</summary>
    public static void Controller(Wire.DeploymentController? controller)
    {
        if (controller?.Type is not (null or "ECS"))
        {
            throw EcsErrors.InvalidParameter(
                $"Deployment controller type {controller.Type} is not supported by this endpoint: only ECS (rolling update) is.");
        }
    }

    /// <summary>
    /// The service's launch type: FARGATE when its tasks go by a capacity provider strategy (Wharf's
    /// providers are FARGATE and FARGATE_SPOT), else the one asked for, EC2 by default. A DAEMON
    /// service runs on the cluster's own instances; MANAGED_INSTANCES capacity does not exist here.
    /// </summary>
    public static string LaunchType(string? launchType, IReadOnlyList<Core.Model.CapacityProviderStrategyRecord> providers, Scheduling.Model.SchedulingStrategy strategy)
    {
        var chosen = providers.Count > 0 ? Core.Model.FargateCapacity.LaunchType : LaunchValidation.LaunchType(launchType, null);
        if (chosen == "MANAGED_INSTANCES")
        {
            throw TaskErrors.NoCapacityFor(chosen);
        }

        if (chosen == Core.Model.FargateCapacity.LaunchType && strategy == Scheduling.Model.SchedulingStrategy.Daemon)
        {
            throw EcsErrors.InvalidParameter("The DAEMON scheduling strategy is not supported with the FARGATE launch type or capacity providers.");
        }

        return chosen;
    }

    public static int? GracePeriod(int? seconds) => seconds switch
    {
        null => null,
        < 0 or > int.MaxValue => throw EcsErrors.InvalidParameter("healthCheckGracePeriodSeconds must be at least 0."),
        _ => seconds,
    };

    /// <summary>Constraints parsed (a memberOf expression that does not parse names the position).</summary>
    public static IReadOnlyList<SchedulingConstraint> Constraints(IReadOnlyList<Wire.PlacementConstraint>? given, int definitionConstraints) =>
        LaunchValidation.Constraints(given, definitionConstraints);

    /// <summary>Strategies parsed; a DAEMON service takes none.</summary>
    public static IReadOnlyList<SchedulingStrategy>? Strategies(
        IReadOnlyList<Wire.PlacementStrategy>? given, Scheduling.Model.SchedulingStrategy strategy)
    {
        if (strategy == Scheduling.Model.SchedulingStrategy.Daemon && given is { Count: > 0 })
        {
            throw EcsErrors.InvalidParameter("Placement strategies are not supported with the DAEMON scheduling strategy.");
        }

        return LaunchValidation.Strategies(given);
    }

    /// <summary>The propagateTags of a service: SERVICE, TASK_DEFINITION or NONE.</summary>
    public static string? PropagateTags(string? value) => value switch
    {
        null => null,
        "SERVICE" or "TASK_DEFINITION" or "NONE" => value,
        _ => throw EcsErrors.NotOneOf("propagateTags", value, "TASK_DEFINITION", "SERVICE", "NONE"),
    };

    /// <summary>
    /// The availabilityZoneRebalancing of a service: ENABLED or DISABLED. On create ECS defaults it to
    /// ENABLED for services that support it (REPLICA); DAEMON services do not.
    /// </summary>
    public static string? Rebalancing(string? value, Scheduling.Model.SchedulingStrategy? strategy) => value switch
    {
        null when strategy is { } created => created == Scheduling.Model.SchedulingStrategy.Daemon ? "DISABLED" : "ENABLED",
        null => null,
        "ENABLED" or "DISABLED" => value,
        _ => throw EcsErrors.NotOneOf("availabilityZoneRebalancing", value, "ENABLED", "DISABLED"),
    };
}
