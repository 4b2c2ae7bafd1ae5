using Wharf.Protocol.Generated.ApplicationAutoScaling;
using Wharf.Server.ApplicationAutoScaling.Scheduled;
using Xunit;
using Task = System.Threading.Tasks.Task;

namespace Wharf.Server.Tests.ApplicationAutoScaling;

public sealed class ScheduledActionTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero); // a Sunday

    [Theory]
    [InlineData("cron(0 18 ? * MON-FRI *)", "2026-03-02T18:00:00Z")]
    [InlineData("cron(15 12 * * ? *)", "2026-03-01T12:15:00Z")]
    [InlineData("cron(0/20 * * * ? *)", "2026-03-01T12:20:00Z")]
    [InlineData("cron(0 0 L * ? *)", "2026-03-31T00:00:00Z")]
    [InlineData("cron(0 9 ? * 2#1 *)", "2026-03-02T09:00:00Z")]
    [InlineData("cron(0 9 1 JAN ? 2027)", "2027-01-01T09:00:00Z")]
    [InlineData("rate(5 minutes)", "2026-03-01T12:05:00Z")]
    [InlineData("at(2026-03-01T13:30:00)", "2026-03-01T13:30:00Z")]
    public void NextAfter_UtcSchedules(string schedule, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            ScheduleExpression.Parse(schedule, null).NextAfter(Noon, Noon));

    [Fact]
    public void NextAfter_CronInTimezone_KeepsWallClockAcrossDaylightSaving()
    {
        var schedule = ScheduleExpression.Parse("cron(0 9 * * ? *)", "America/New_York");
        // 2026-03-08 is the US spring-forward day: 09:00 EST is 14:00Z before, 09:00 EDT is 13:00Z after.
        Assert.Equal(new DateTimeOffset(2026, 3, 7, 14, 0, 0, TimeSpan.Zero), schedule.NextAfter(new(2026, 3, 7, 0, 0, 0, TimeSpan.Zero), Noon));
        Assert.Equal(new DateTimeOffset(2026, 3, 8, 13, 0, 0, TimeSpan.Zero), schedule.NextAfter(new(2026, 3, 8, 0, 0, 0, TimeSpan.Zero), Noon));
    }

    [Theory]
    [InlineData("cron(0 18 * * MON *)")] // both day fields given
    [InlineData("cron(0 18 ? * MON)")]
    [InlineData("cron(61 * * * ? *)")]
    [InlineData("rate(1 minutes)")]
    [InlineData("rate(0 minutes)")]
    [InlineData("rate(5 weeks)")]
    [InlineData("at(2026-13-01T00:00:00)")]
    [InlineData("every day")]
    public void Parse_BadSchedule_ValidationException(string schedule) =>
        Assert.Equal("ValidationException", Assert.Throws<Wharf.Protocol.Errors.AwsServiceException>(() => ScheduleExpression.Parse(schedule, null)).Code);

    [Fact]
    public void Parse_UnknownTimezone_ValidationException() =>
        Assert.Equal("ValidationException", Assert.Throws<Wharf.Protocol.Errors.AwsServiceException>(() => ScheduleExpression.Parse("rate(1 hour)", "Mars/Olympus")).Code);

    [Fact]
    public async Task Runner_AtItsTime_SetsMinAndRaisesDesired_RecordsBothActivities_RunsOnce()
    {
        var bed = new ScalingTestBed();
        await bed.AddServiceAsync("c", "s", 1);
        await bed.RegisterAsync("c", "s", 1, 5);
        await bed.PutScheduled.HandleAsync(
            new PutScheduledActionRequest
            {
                ServiceNamespace = "ecs", ResourceId = "service/c/s", ScalableDimension = "ecs:service:DesiredCount",
                ScheduledActionName = "morning", Schedule = "at(2026-03-01T12:10:00)",
                ScalableTargetAction = new ScalableTargetAction { MinCapacity = 3 },
            },
            ScalingTestBed.Context,
            default);

        bed.Time.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(0, await bed.Runner.RunDueAsync(default));
        Assert.Equal(1, (await bed.ServiceAsync("c", "s")).DesiredCount);

        bed.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await bed.Runner.RunDueAsync(default));
        Assert.Equal(0, await bed.Runner.RunDueAsync(default));

        Assert.Equal(3, (await bed.ServiceAsync("c", "s")).DesiredCount);
        var target = Assert.Single((await bed.DescribeTargets.HandleAsync(new DescribeScalableTargetsRequest { ServiceNamespace = "ecs" }, ScalingTestBed.Context, default)).ScalableTargets!);
        Assert.Equal((3, 5), (target.MinCapacity, target.MaxCapacity));
        var activities = await bed.ActivitiesAsync();
        Assert.Equal("Setting desired count to 3.", activities[0].Description);
        Assert.Equal("minimum capacity was set to 3", activities[0].Cause);
        Assert.Equal("Setting min capacity to 3 and max capacity to 5", activities[1].Description);
        Assert.Equal("scheduled action name morning was triggered", activities[1].Cause);
        var action = Assert.Single((await bed.DescribeScheduled.HandleAsync(new DescribeScheduledActionsRequest { ServiceNamespace = "ecs" }, ScalingTestBed.Context, default)).ScheduledActions!);
        Assert.Matches("^arn:aws:autoscaling:us-east-1:000000000000:scheduledAction:[0-9a-f-]{36}:resource/ecs/service/c/s:scheduledActionName/morning$", action.ScheduledActionARN);
    }

    [Fact]
    public async Task Runner_SuspendedScheduledScaling_SkipsTheOccurrence()
    {
        var bed = new ScalingTestBed();
        await bed.AddServiceAsync("c", "s", 1);
        await bed.Register.HandleAsync(
            new RegisterScalableTargetRequest
            {
                ServiceNamespace = "ecs", ResourceId = "service/c/s", ScalableDimension = "ecs:service:DesiredCount", MinCapacity = 1, MaxCapacity = 5,
                SuspendedState = new SuspendedState { ScheduledScalingSuspended = true },
            },
            ScalingTestBed.Context,
            default);
        await bed.PutScheduled.HandleAsync(
            new PutScheduledActionRequest
            {
                ServiceNamespace = "ecs", ResourceId = "service/c/s", ScalableDimension = "ecs:service:DesiredCount",
                ScheduledActionName = "every", Schedule = "rate(1 minute)", ScalableTargetAction = new ScalableTargetAction { MinCapacity = 2 },
            },
            ScalingTestBed.Context,
            default);

        bed.Time.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(0, await bed.Runner.RunDueAsync(default));
        Assert.Equal(1, (await bed.ServiceAsync("c", "s")).DesiredCount);
    }

    [Fact]
    public async Task PutScheduledAction_UnregisteredTarget_ObjectNotFound()
    {
        var bed = new ScalingTestBed();
        var error = await ScalingTestBed.FailsAsync(async () => await bed.PutScheduled.HandleAsync(
            new PutScheduledActionRequest
            {
                ServiceNamespace = "ecs", ResourceId = "service/c/s", ScalableDimension = "ecs:service:DesiredCount",
                ScheduledActionName = "x", Schedule = "rate(1 hour)",
            },
            ScalingTestBed.Context,
            default));
        Assert.Equal("ObjectNotFoundException", error.Code);
    }
}
