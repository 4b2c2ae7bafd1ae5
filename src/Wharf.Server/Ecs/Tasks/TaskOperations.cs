using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Wharf.Core.Arns;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.Api;
using Wharf.Server.Placement;

namespace Wharf.Server.Ecs.Tasks;

/// <summary>Registers RunTask, StartTask, StopTask, DescribeTasks and ListTasks and what they share.</summary>
internal static class TaskOperations
{
    public static void Register(AwsApiBuilder api)
    {
        var services = api.Services;
        services.AddPlacement();
        services.TryAddSingleton(EcsIdGenerator.Random);
        services.TryAddSingleton<TaskLauncher>();
        services.TryAddSingleton<TaskViews>();

        api.Add<RunTaskHandler, RunTaskRequest, RunTaskResponse>(EcsApi.Service, "RunTask")
            .Add<StartTaskHandler, StartTaskRequest, StartTaskResponse>(EcsApi.Service, "StartTask")
            .Add<StopTaskHandler, StopTaskRequest, StopTaskResponse>(EcsApi.Service, "StopTask")
            .Add<DescribeTasksHandler, DescribeTasksRequest, DescribeTasksResponse>(EcsApi.Service, "DescribeTasks")
            .Add<ListTasksHandler, ListTasksRequest, ListTasksResponse>(EcsApi.Service, "ListTasks");
    }
}
