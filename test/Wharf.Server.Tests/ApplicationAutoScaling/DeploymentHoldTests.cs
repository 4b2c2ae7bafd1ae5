using Wharf.Core.Model;
using Xunit;
using Task = System.Threading.Tasks.Task;

namespace Wharf.Server.Tests.ApplicationAutoScaling;

/// <summary>
/// Scale-in held back while an ECS deployment is under way (two deployments, or a PRIMARY rollout
/// IN_PROGRESS), with scale-out going on, and resumed once the deployment completes; fake time.
/// </summary>
public sealed class DeploymentHoldTests
{
    private readonly ScalingTestBed bed = new();

    private async Task<(string High, string Low, string Arn)> TrackingAsync(int desired)
    {
        await bed.AddServiceAsync("c", "s", desired);
        await bed.RegisterAsync("c", "s", 1, 10);
        var policy = await bed.PutCpuPolicyAsync("c", "s", 50, outCooldown: 60, inCooldown: 60);
        return (policy.Alarms!.Single(a => a.AlarmName!.Contains("AlarmHigh", StringComparison.Ordinal)).AlarmName!,
            policy.Alarms!.Single(a => a.AlarmName!.Contains("AlarmLow", StringComparison.Ordinal)).AlarmName!,
            policy.PolicyARN!);
    }

    private static ServiceRecord Deploying(ServiceRecord service)
    {
        var now = ScalingTestBed.Start;
        var next = new DeploymentRecord
        {
            Id = "ecs-svc/2", Status = "PRIMARY", TaskDefinitionArn = service.TaskDefinitionArn + "-2", DesiredCount = service.DesiredCount,
            CreatedAt = now, UpdatedAt = now, RolloutState = "IN_PROGRESS",
        };
        return service with { Deployments = [next, service.Primary with { Status = "ACTIVE" }] };
    }

    private static ServiceRecord Completed(ServiceRecord service) =>
        service with { Deployments = [service.Primary with { RolloutState = "COMPLETED" }] };

    [Fact]
    public async Task LowAlarm_DuringDeployment_DoesNotScaleIn_ThenScalesInOnceItCompletes()
    {
        var (_, low, arn) = await TrackingAsync(desired: 4);
        bed.Metrics.Set("c", "s", "CPUUtilization", 10);
        await bed.UpdateServiceAsync("c", "s", Deploying);

        await bed.FireAsync(low, arn);
        bed.Time.Advance(TimeSpan.FromMinutes(5));
        await bed.FireAsync(low, arn);
        Assert.Equal(4, (await bed.ServiceAsync("c", "s")).DesiredCount);
        Assert.Empty(await bed.ActivitiesAsync());

        await bed.UpdateServiceAsync("c", "s", Completed);
        await bed.FireAsync(low, arn);
        Assert.Equal(1, (await bed.ServiceAsync("c", "s")).DesiredCount); // 4 x 10 / 50 = 0.8 -> 0 -> min 1
        Assert.Equal($"monitor alarm {low} in state ALARM triggered policy cpu", (await bed.ActivitiesAsync())[0].Cause);
    }

    [Fact]
    public async Task LowAlarm_PrimaryRolloutInProgress_DoesNotScaleIn()
    {
        var (_, low, arn) = await TrackingAsync(desired: 4);
        bed.Metrics.Set("c", "s", "CPUUtilization", 10);
        await bed.UpdateServiceAsync("c", "s", s => s with { Deployments = [s.Primary with { RolloutState = "IN_PROGRESS" }] });

        await bed.FireAsync(low, arn);

        Assert.Equal(4, (await bed.ServiceAsync("c", "s")).DesiredCount);
    }

    [Fact]
    public async Task HighAlarm_DuringDeployment_ScalesOut()
    {
        var (high, _, arn) = await TrackingAsync(desired: 2);
        bed.Metrics.Set("c", "s", "CPUUtilization", 100);
        await bed.UpdateServiceAsync("c", "s", Deploying);

        await bed.FireAsync(high, arn);

        var service = await bed.ServiceAsync("c", "s");
        Assert.Equal(4, service.DesiredCount);
        Assert.Equal(4, service.Primary.DesiredCount);
        Assert.Equal(2, service.Deployments.Count); // the deployment goes on
    }
}
