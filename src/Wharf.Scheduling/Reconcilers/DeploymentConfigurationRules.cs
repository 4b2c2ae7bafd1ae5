using Wharf.Scheduling.Model;

namespace Wharf.Scheduling.Reconcilers;

/// <summary>
/// Defaults and accepted ranges of <c>deploymentConfiguration</c>'s percents. Defaults follow the
/// ECS API reference: REPLICA 100% / 200%; DAEMON 0% (the API's default; the console uses 50%)
/// and 100%, which a daemon keeps because it runs one task per instance.
/// </summary>
public static class DeploymentConfigurationRules
{
    /// <summary>REPLICA default minimumHealthyPercent.</summary>
    public const int ReplicaDefaultMinimumHealthyPercent = 100;

    /// <summary>REPLICA default maximumPercent.</summary>
    public const int ReplicaDefaultMaximumPercent = 200;

    /// <summary>DAEMON default minimumHealthyPercent (API, CLI and SDKs).</summary>
    public const int DaemonDefaultMinimumHealthyPercent = 0;

    /// <summary>DAEMON maximumPercent.</summary>
    public const int DaemonMaximumPercent = 100;

    /// <summary>Fills in the percents the caller left out.</summary>
    public static (int MinimumHealthyPercent, int MaximumPercent) WithDefaults(
        SchedulingStrategy strategy, int? minimumHealthyPercent, int? maximumPercent) => strategy == SchedulingStrategy.Daemon
            ? (minimumHealthyPercent ?? DaemonDefaultMinimumHealthyPercent, maximumPercent ?? DaemonMaximumPercent)
            : (minimumHealthyPercent ?? ReplicaDefaultMinimumHealthyPercent, maximumPercent ?? ReplicaDefaultMaximumPercent);

    /// <summary>
    /// Checks the ranges: minimumHealthyPercent 0–100; maximumPercent at least 100 for REPLICA
    /// (below it the service could never run its desired count) and exactly 100 for DAEMON.
    /// Configurations that are valid but leave a rollout no room (100%/100%) are accepted, as ECS
    /// accepts them; the reconciler reports them instead.
    /// </summary>
    /// <returns>Null when valid; otherwise the message of an <c>InvalidParameterException</c>.</returns>
    public static string? Validate(SchedulingStrategy strategy, int minimumHealthyPercent, int maximumPercent)
    {
        if (minimumHealthyPercent is < 0 or > 100)
        {
            return $"minimumHealthyPercent must be between 0 and 100, but was {minimumHealthyPercent}.";
        }

        if (strategy == SchedulingStrategy.Daemon)
        {
            return maximumPercent == DaemonMaximumPercent
                ? null
                : $"maximumPercent must be {DaemonMaximumPercent} for a service that uses the DAEMON scheduling strategy, but was {maximumPercent}.";
        }

        return maximumPercent >= 100
            ? null
            : $"maximumPercent must be at least 100, but was {maximumPercent}.";
    }
}
