using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.Tests.Ecs.Services;
using Xunit;
using Task = System.Threading.Tasks.Task;

namespace Wharf.Server.Tests.Controllers;

public sealed class ServiceControllerFailureTests
{
    private readonly ServiceTestBed bed = new();

    private async Task SetUpAsync(Action<TaskDefinition>? revisionTwo = null)
    {
        await bed.Tasks.ClusterAsync();
        await bed.Tasks.DefinitionAsync();
        await bed.Tasks.DefinitionAsync(revision: 2, configure: revisionTwo);
        await bed.Tasks.InstanceAsync(zone: "us-east-1a");
        await bed.Tasks.InstanceAsync(zone: "us-east-1b");
    }

    private async Task FailNewTasksAsync()
    {
        foreach (var task in await bed.LiveTasksAsync())
        {
            if (task.LastStatus != "RUNNING")
            {
                await bed.Tasks.UpdateTaskAsync(task.Arn, t => t with
                {
                    LastStatus = "STOPPED",
                    DesiredStatus = "STOPPED",
                    StopCode = "TaskFailedToStart",
                    StoppedReason = "CannotPullContainerError",
                });
            }
        }
    }

    [Fact]
    public async Task Reconcile_CircuitBreakerTrips_DeploymentFailedAndRolledBack()
    {
        await SetUpAsync();
        await bed.CreateAsync(new CreateServiceRequest
        {
            ServiceName = "web",
            TaskDefinition = "web:1",
            DesiredCount = 2,
            DeploymentConfiguration = new DeploymentConfiguration
            {
                DeploymentCircuitBreaker = new DeploymentCircuitBreaker { Enable = true, Rollback = true },
            },
        });
        await bed.SettleAsync();
        await bed.AgentsCatchUpAsync();
        await bed.SettleAsync();

        await bed.UpdateAsync(new UpdateServiceRequest { Service = "web", TaskDefinition = "web:2" });
        for (var round = 0; round < 2; round++)
        {
            await bed.SettleAsync();
            await FailNewTasksAsync();
        }

        await bed.SettleAsync();
        var service = await bed.DescribeAsync();
        Assert.EndsWith("web:1", service.TaskDefinition, StringComparison.Ordinal);
        Assert.EndsWith("web:1", service.Deployments![0].TaskDefinition, StringComparison.Ordinal);
        Assert.StartsWith("ECS deployment circuit breaker: rolling back", service.Deployments[0].RolloutStateReason, StringComparison.Ordinal);
        Assert.DoesNotContain(service.Deployments, d => d.TaskDefinition!.EndsWith("web:2", StringComparison.Ordinal));
        Assert.Contains(service.Events!, e => e.Message!.Contains("deployment failed: tasks failed to start.", StringComparison.Ordinal));
        Assert.All(await bed.LiveTasksAsync(), t => Assert.Equal(1, t.Revision));
    }

    [Fact]
    public async Task Reconcile_UnhealthyAfterGracePeriod_Replaced()
    {
        await SetUpAsync(d => d.ContainerDefinitions![0].HealthCheck = new HealthCheck { Command = ["CMD", "true"] });
        await bed.CreateAsync(new CreateServiceRequest
        {
            ServiceName = "web",
            TaskDefinition = "web:2",
            DesiredCount = 1,
            HealthCheckGracePeriodSeconds = 60,
        });
        await bed.SettleAsync();
        await bed.AgentsCatchUpAsync(healthStatus: "UNHEALTHY");

        await bed.SettleAsync();
        var first = Assert.Single(await bed.LiveTasksAsync());

        bed.Tasks.Time.Advance(TimeSpan.FromSeconds(61));
        await bed.SettleAsync();

        var stopped = (await bed.Tasks.TasksAsync()).Single(t => t.Arn == first.Arn);
        Assert.Equal("STOPPED", stopped.DesiredStatus);
        Assert.Equal("ServiceSchedulerInitiated", stopped.StopCode);
        Assert.Equal("Task failed container health checks", stopped.StoppedReason);
        Assert.DoesNotContain(await bed.LiveTasksAsync(), t => t.Arn == first.Arn);
    }

    [Fact]
    public async Task Reconcile_TasksKeepFailingToStart_LaunchesThrottled()
    {
        await SetUpAsync();
        await bed.CreateAsync(new CreateServiceRequest { ServiceName = "web", TaskDefinition = "web:1", DesiredCount = 1 });
        for (var round = 0; round < 4; round++)
        {
            await bed.SettleAsync();
            await FailNewTasksAsync();
        }

        await bed.SettleAsync();

        Assert.Empty(await bed.LiveTasksAsync());
        var service = await bed.DescribeAsync();
        Assert.Equal("(service web) is unable to consistently start tasks successfully.", service.Events![0].Message);

        bed.Tasks.Time.Advance(TimeSpan.FromMinutes(1));
        await bed.SettleAsync();
        Assert.Single(await bed.LiveTasksAsync());
    }
}
