using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Wharf.Core.Arns;
using Wharf.Server.Api;
using Wharf.Server.Ecs.Common;

namespace Wharf.Server.Ecs;

/// <summary>Registers every ECS operation Wharf serves, and the helpers they share.</summary>
internal static class EcsApi
{
    public const string Service = "ecs";

    public static void Register(AwsApiBuilder api)
    {
        var services = api.Services;
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<WharfServerOptions>();
            return new AccountContext(options.Region, options.AccountId);
        });
        services.TryAddSingleton(sp => new ArnParser(sp.GetRequiredService<AccountContext>()));
        services.TryAddSingleton(sp => new ArnFormatter(sp.GetRequiredService<AccountContext>()));
        services.TryAddSingleton<ClusterResolver>();
        services.TryAddSingleton<TaskDefinitionResolver>();
        services.TryAddSingleton<ClusterCounter>();
        services.TryAddSingleton<ContainerInstanceMapper>();
        services.TryAddSingleton<ResourceTags>();

        // Tasks (RunTask, StartTask, StopTask, DescribeTasks, ListTasks) live in Ecs/Tasks; enable
        // this line once Tasks/TaskOperations.cs exists.
        // Tasks.TaskOperations.Register(api);
    }
}
