using System.Security.Cryptography;
using Wharf.Core.Arns;

namespace Wharf.Server.ApplicationAutoScaling.Common;

/// <summary>The ARNs Application Auto Scaling gives its resources, and the alarms it creates.</summary>
internal sealed class ScalingNames(AccountContext account)
{
    public string Region => account.Region;

    public string PolicyArn(string serviceNamespace, string resourceId, string policyName) =>
        $"arn:aws:autoscaling:{account.Region}:{account.AccountId}:scalingPolicy:{Guid.NewGuid()}:resource/{serviceNamespace}/{resourceId}:policyName/{policyName}";

    public string ScheduledActionArn(string serviceNamespace, string resourceId, string name) =>
        $"arn:aws:autoscaling:{account.Region}:{account.AccountId}:scheduledAction:{Guid.NewGuid()}:resource/{serviceNamespace}/{resourceId}:scheduledActionName/{name}";

    public string TargetArn() =>
        $"arn:aws:application-autoscaling:{account.Region}:{account.AccountId}:scalable-target/{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(18))}";

    /// <summary>The service-linked role AWS reports for ECS targets.</summary>
    public string EcsRoleArn() =>
        $"arn:aws:iam::{account.AccountId}:role/aws-service-role/ecs.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_ECSService";

    public string AlarmArn(string alarmName) => $"arn:aws:cloudwatch:{account.Region}:{account.AccountId}:alarm:{alarmName}";

    /// <summary><c>TargetTracking-service/c/s-AlarmHigh-&lt;uuid&gt;</c>, as AWS names them.</summary>
    public static string TargetTrackingAlarm(string resourceId, bool high) =>
        $"TargetTracking-{resourceId}-{(high ? "AlarmHigh" : "AlarmLow")}-{Guid.NewGuid()}";

    /// <summary>
    /// The namespace, resource id and policy name a scaling policy ARN names
    /// (<c>…:scalingPolicy:&lt;uuid&gt;:resource/ecs/service/c/s:policyName/p</c>).
    /// </summary>
    public static bool TryParsePolicyArn(string arn, out string serviceNamespace, out string resourceId, out string policyName)
    {
        serviceNamespace = resourceId = policyName = "";
        var resource = arn.IndexOf(":resource/", StringComparison.Ordinal);
        var name = arn.LastIndexOf(":policyName/", StringComparison.Ordinal);
        if (!arn.StartsWith("arn:aws:autoscaling:", StringComparison.Ordinal)
            || !arn.Contains(":scalingPolicy:", StringComparison.Ordinal)
            || resource < 0 || name < resource)
        {
            return false;
        }

        var path = arn[(resource + ":resource/".Length)..name];
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            return false;
        }

        serviceNamespace = path[..slash];
        resourceId = path[(slash + 1)..];
        policyName = arn[(name + ":policyName/".Length)..];
        return policyName.Length > 0;
    }
}
