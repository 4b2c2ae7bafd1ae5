namespace Wharf.Server.ApplicationAutoScaling.Common;

/// <summary>
/// The store kinds of Application Auto Scaling. A scalable target's key is
/// <c>{namespace}|{dimension}|{resourceId}</c> (see <see cref="TargetKey"/>); its policies and
/// scheduled actions are partitioned by that key; activities are partitioned by namespace and keyed
/// newest first.
/// </summary>
internal static class ScalingKinds
{
    /// <summary>Key: target key. Partition: namespace. Body: <see cref="ScalableTargetRecord"/>.</summary>
    public const string Target = "aas-target";

    /// <summary>Key: <c>{target key}|{policy name}</c>. Partition: target key. Body: <see cref="ScalingPolicyRecord"/>.</summary>
    public const string Policy = "aas-policy";

    /// <summary>Key: <c>{target key}|{action name}</c>. Partition: target key. Body: <see cref="ScheduledActionRecord"/>.</summary>
    public const string ScheduledAction = "aas-scheduled";

    /// <summary>Key: <c>{inverted ticks}|{activity id}</c>. Partition: namespace. Body: <see cref="ScalingActivityRecord"/>.</summary>
    public const string Activity = "aas-activity";

    public static string TargetKey(string serviceNamespace, string dimension, string resourceId) =>
        $"{serviceNamespace}|{dimension}|{resourceId}";

    public static string ChildKey(string targetKey, string name) => $"{targetKey}|{name}";

    /// <summary>Sorts newest first: the key starts with the ticks counted down from the maximum.</summary>
    public static string ActivityKey(DateTimeOffset at, string activityId) =>
        $"{(DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", System.Globalization.CultureInfo.InvariantCulture)}|{activityId}";
}
