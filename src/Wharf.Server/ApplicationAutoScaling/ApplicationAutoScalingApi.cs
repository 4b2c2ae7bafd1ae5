using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Wharf.Protocol.Generated.ApplicationAutoScaling;
using Wharf.Server.Api;
using Wharf.Server.ApplicationAutoScaling.Activities;
using Wharf.Server.ApplicationAutoScaling.Common;
using Wharf.Server.ApplicationAutoScaling.Engine;
using Wharf.Server.ApplicationAutoScaling.Policies;
using Wharf.Server.ApplicationAutoScaling.Scheduled;
using Wharf.Server.ApplicationAutoScaling.Tagging;
using Wharf.Server.ApplicationAutoScaling.Targets;
using Wharf.Server.CloudWatch.Alarms;

namespace Wharf.Server.ApplicationAutoScaling;

/// <summary>
/// Registers the Application Auto Scaling operations (<c>AnyScaleFrontendService</c>), the engine
/// that runs scaling policies on alarm actions, and the scheduled action runner.
/// </summary>
internal static class ApplicationAutoScalingApi
{
    public const string Service = "application-autoscaling";

    public static void Register(AwsApiBuilder api)
    {
        var services = api.Services;
        services.TryAddSingleton(_ => ScalingOptions.FromEnvironment());
        services.TryAddSingleton<ScalingNames>();
        services.TryAddSingleton<ScalingStore>();
        services.TryAddSingleton<CapacityCommitter>();
        services.TryAddSingleton<PolicyExecutor>();
        services.TryAddSingleton<TargetTrackingAlarms>();
        services.TryAddSingleton<TaggedTargets>();
        services.TryAddSingleton<ScheduledActionRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<ScheduledActionRunner>());
        services.AddSingleton<IAlarmActionHandler, ScalingAlarmActionHandler>();

        api.Add<RegisterScalableTargetHandler, RegisterScalableTargetRequest, RegisterScalableTargetResponse>(Service, "RegisterScalableTarget")
            .Add<DeregisterScalableTargetHandler, DeregisterScalableTargetRequest, DeregisterScalableTargetResponse>(Service, "DeregisterScalableTarget")
            .Add<DescribeScalableTargetsHandler, DescribeScalableTargetsRequest, DescribeScalableTargetsResponse>(Service, "DescribeScalableTargets")
            .Add<PutScalingPolicyHandler, PutScalingPolicyRequest, PutScalingPolicyResponse>(Service, "PutScalingPolicy")
            .Add<DeleteScalingPolicyHandler, DeleteScalingPolicyRequest, DeleteScalingPolicyResponse>(Service, "DeleteScalingPolicy")
            .Add<DescribeScalingPoliciesHandler, DescribeScalingPoliciesRequest, DescribeScalingPoliciesResponse>(Service, "DescribeScalingPolicies")
            .Add<DescribeScalingActivitiesHandler, DescribeScalingActivitiesRequest, DescribeScalingActivitiesResponse>(Service, "DescribeScalingActivities")
            .Add<PutScheduledActionHandler, PutScheduledActionRequest, PutScheduledActionResponse>(Service, "PutScheduledAction")
            .Add<DeleteScheduledActionHandler, DeleteScheduledActionRequest, DeleteScheduledActionResponse>(Service, "DeleteScheduledAction")
            .Add<DescribeScheduledActionsHandler, DescribeScheduledActionsRequest, DescribeScheduledActionsResponse>(Service, "DescribeScheduledActions")
            .Add<TagResourceHandler, TagResourceRequest, TagResourceResponse>(Service, "TagResource")
            .Add<UntagResourceHandler, UntagResourceRequest, UntagResourceResponse>(Service, "UntagResource")
            .Add<ListTagsForResourceHandler, ListTagsForResourceRequest, ListTagsForResourceResponse>(Service, "ListTagsForResource");
    }
}
