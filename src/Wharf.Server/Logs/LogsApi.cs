using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Wharf.Protocol.Generated.CloudWatchLogs;
using Wharf.Server.AgentChannel;
using Wharf.Server.Api;
using Wharf.Server.Logs.Api.Events;
using Wharf.Server.Logs.Api.Groups;
using Wharf.Server.Logs.Api.Streams;
using Wharf.Server.Logs.Api.Tags;
using Wharf.Server.Logs.Common;
using Wharf.Server.Logs.Ingest;
using Wharf.Server.Logs.Retention;
using Wharf.Server.Logs.Storage;

namespace Wharf.Server.Logs;

/// <summary>Registers the CloudWatch Logs operations Wharf serves, the log store, its retention sweep and the agent log ingest.</summary>
internal static class LogsApi
{
    public const string Service = "logs";

    public static void Register(AwsApiBuilder api)
    {
        var services = api.Services;
        services.TryAddSingleton(sp => LogsOptions.FromEnvironment(sp.GetRequiredService<WharfServerOptions>().DataDirectory));
        services.TryAddSingleton<LogStore>();
        services.TryAddSingleton<LogsNames>();
        services.TryAddSingleton<LogGroupResolver>();
        services.TryAddSingleton<GroupTagger>();
        services.TryAddSingleton<AgentLogIngest>();
        services.AddSingleton<IAgentMessageResponder>(sp => sp.GetRequiredService<AgentLogIngest>());
        services.TryAddSingleton<RetentionSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionSweeper>());

        api.Add<CreateLogGroupHandler, CreateLogGroupRequest, NoOutput>(Service, "CreateLogGroup")
            .Add<DeleteLogGroupHandler, DeleteLogGroupRequest, NoOutput>(Service, "DeleteLogGroup")
            .Add<DescribeLogGroupsHandler, DescribeLogGroupsRequest, DescribeLogGroupsResponse>(Service, "DescribeLogGroups")
            .Add<PutRetentionPolicyHandler, PutRetentionPolicyRequest, NoOutput>(Service, "PutRetentionPolicy")
            .Add<DeleteRetentionPolicyHandler, DeleteRetentionPolicyRequest, NoOutput>(Service, "DeleteRetentionPolicy")
            .Add<CreateLogStreamHandler, CreateLogStreamRequest, NoOutput>(Service, "CreateLogStream")
            .Add<DeleteLogStreamHandler, DeleteLogStreamRequest, NoOutput>(Service, "DeleteLogStream")
            .Add<DescribeLogStreamsHandler, DescribeLogStreamsRequest, DescribeLogStreamsResponse>(Service, "DescribeLogStreams")
            .Add<PutLogEventsHandler, PutLogEventsRequest, PutLogEventsResponse>(Service, "PutLogEvents")
            .Add<GetLogEventsHandler, GetLogEventsRequest, GetLogEventsResponse>(Service, "GetLogEvents")
            .Add<FilterLogEventsHandler, FilterLogEventsRequest, FilterLogEventsResponse>(Service, "FilterLogEvents")
            .Add<TagResourceHandler, TagResourceRequest, NoOutput>(Service, "TagResource")
            .Add<UntagResourceHandler, UntagResourceRequest, NoOutput>(Service, "UntagResource")
            .Add<ListTagsForResourceHandler, ListTagsForResourceRequest, ListTagsForResourceResponse>(Service, "ListTagsForResource")
            .Add<TagLogGroupHandler, TagLogGroupRequest, NoOutput>(Service, "TagLogGroup")
            .Add<UntagLogGroupHandler, UntagLogGroupRequest, NoOutput>(Service, "UntagLogGroup")
            .Add<ListTagsLogGroupHandler, ListTagsLogGroupRequest, ListTagsLogGroupResponse>(Service, "ListTagsLogGroup");
    }
}
