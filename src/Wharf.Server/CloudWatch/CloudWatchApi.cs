using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Wharf.Protocol.Generated.CloudWatch;
using Wharf.Server.AgentChannel;
using Wharf.Server.Api;
using Wharf.Server.CloudWatch.AlarmOperations;
using Wharf.Server.CloudWatch.Alarms;
using Wharf.Server.CloudWatch.Common;
using Wharf.Server.CloudWatch.Ecs;
using Wharf.Server.CloudWatch.LoadBalancing;
using Wharf.Server.CloudWatch.MetricOperations;
using Wharf.Server.CloudWatch.Metrics;

namespace Wharf.Server.CloudWatch;

/// <summary>
/// Registers CloudWatch metrics and alarms (service <c>monitoring</c>: RPC v2 CBOR, JSON 1.0 and
/// Query): the metrics file, its sink and reader, the alarms and their evaluator, the agents'
/// container stats (AWS/ECS) and the load balancer's request counts (AWS/ApplicationELB).
/// Other subsystems resolve <see cref="IMetricSink"/>, <see cref="IMetricReader"/>,
/// <see cref="IMetricAlarms"/>, and add <see cref="IAlarmActionHandler"/>s.
/// </summary>
internal static class CloudWatchApi
{
    public const string Service = "monitoring";

    public static void Register(AwsApiBuilder api)
    {
        var services = api.Services;
        services.TryAddSingleton(_ => MetricsOptions.FromEnvironment());
        services.TryAddSingleton(sp => MetricsDatabase.Open(Path.Combine(sp.GetRequiredService<WharfServerOptions>().DataDirectory, "metrics.db")));
        services.TryAddSingleton<MetricStore>();
        services.TryAddSingleton<IMetricSink>(sp => sp.GetRequiredService<MetricStore>());
        services.TryAddSingleton<IMetricReader>(sp => sp.GetRequiredService<MetricStore>());
        services.TryAddSingleton<MetricAlarms>();
        services.TryAddSingleton<IMetricAlarms>(sp => sp.GetRequiredService<MetricAlarms>());
        services.TryAddSingleton<AlarmActionRunner>();
        services.AddSingleton<IAgentMessageResponder, ContainerStatsResponder>();
        services.AddHostedService<MetricMaintenance>();
        services.AddHostedService<AlarmEvaluator>();
        services.AddHostedService<RequestCountPublisher>();

        api.Add<PutMetricDataHandler, PutMetricDataInput, NoOutput>(Service, "PutMetricData")
            .Add<GetMetricStatisticsHandler, GetMetricStatisticsInput, GetMetricStatisticsOutput>(Service, "GetMetricStatistics")
            .Add<GetMetricDataHandler, GetMetricDataInput, GetMetricDataOutput>(Service, "GetMetricData")
            .Add<ListMetricsHandler, ListMetricsInput, ListMetricsOutput>(Service, "ListMetrics");

        api.Add<PutMetricAlarmHandler, PutMetricAlarmInput, NoOutput>(Service, "PutMetricAlarm")
            .Add<DescribeAlarmsHandler, DescribeAlarmsInput, DescribeAlarmsOutput>(Service, "DescribeAlarms")
            .Add<DescribeAlarmsForMetricHandler, DescribeAlarmsForMetricInput, DescribeAlarmsForMetricOutput>(Service, "DescribeAlarmsForMetric")
            .Add<DeleteAlarmsHandler, DeleteAlarmsInput, NoOutput>(Service, "DeleteAlarms")
            .Add<SetAlarmStateHandler, SetAlarmStateInput, NoOutput>(Service, "SetAlarmState")
            .Add<EnableAlarmActionsHandler, EnableAlarmActionsInput, NoOutput>(Service, "EnableAlarmActions")
            .Add<DisableAlarmActionsHandler, DisableAlarmActionsInput, NoOutput>(Service, "DisableAlarmActions")
            .Add<DescribeAlarmHistoryHandler, DescribeAlarmHistoryInput, DescribeAlarmHistoryOutput>(Service, "DescribeAlarmHistory")
            .Add<TagResourceHandler, TagResourceInput, TagResourceOutput>(Service, "TagResource")
            .Add<UntagResourceHandler, UntagResourceInput, UntagResourceOutput>(Service, "UntagResource")
            .Add<ListTagsForResourceHandler, ListTagsForResourceInput, ListTagsForResourceOutput>(Service, "ListTagsForResource");
    }
}
