using Wharf.Protocol.Errors;
using Wharf.Protocol.Generated.CloudWatch;
using Wharf.Server.CloudWatch.Alarms;
using Xunit;

namespace Wharf.Server.Tests.CloudWatch;

public sealed class AlarmEvaluatorTests
{
    private const string PolicyArn = "arn:aws:autoscaling:us-east-1:000000000000:scalingPolicy:1:resource/ecs/service/c/web:policyName/out";

    [Fact]
    public async Task EvaluateAll_HighValues_AlarmsRunsActionAndRepeatsWhileInAlarm()
    {
        var handler = new RecordingHandler();
        await using var bed = new CloudWatchTestBed(handler);
        await bed.Alarms.PutAsync(Input(PolicyArn), default);
        var key = CloudWatchTestBed.Key();
        await bed.PutAsync(key, CloudWatchTestBed.Start.AddSeconds(-15), 90);
        await bed.PutAsync(key, CloudWatchTestBed.Start.AddSeconds(-5), 95);
        bed.Time.Advance(TimeSpan.FromSeconds(1));

        await bed.Evaluator.EvaluateAllAsync(default);
        await bed.Evaluator.EvaluateAllAsync(default);

        var alarm = (await bed.Alarms.ListAsync(default)).Single().Alarm;
        Assert.Equal("ALARM", alarm.StateValue);
        Assert.StartsWith("Threshold Crossed: 2 datapoints [95.0", alarm.StateReason, StringComparison.Ordinal);
        Assert.Equal(2, handler.Invocations.Count);
        Assert.Equal(("ALARM", "INSUFFICIENT_DATA"), (handler.Invocations[0].NewState, handler.Invocations[0].OldState));
        Assert.Null(handler.Invocations[1].OldState);
        var history = await bed.Alarms.HistoryAsync("high", null, null, null, default);
        Assert.Contains(history, h => h.HistorySummary == "Alarm updated from INSUFFICIENT_DATA to ALARM");
        Assert.Contains(history, h => h.HistoryItemType == "Action" && h.HistorySummary == $"Successfully executed action {PolicyArn}");
    }

    [Fact]
    public async Task EvaluateAll_ValuesDrop_ReturnsToOk()
    {
        var handler = new RecordingHandler();
        await using var bed = new CloudWatchTestBed(handler);
        await bed.Alarms.PutAsync(Input(PolicyArn), default);
        var key = CloudWatchTestBed.Key();
        await bed.PutAsync(key, CloudWatchTestBed.Start.AddSeconds(-15), 90);
        await bed.PutAsync(key, CloudWatchTestBed.Start.AddSeconds(-5), 95);
        bed.Time.Advance(TimeSpan.FromSeconds(1));
        await bed.Evaluator.EvaluateAllAsync(default);

        await bed.PutAsync(key, CloudWatchTestBed.Start.AddSeconds(5), 1);
        await bed.PutAsync(key, CloudWatchTestBed.Start.AddSeconds(15), 2);
        bed.Time.Advance(TimeSpan.FromSeconds(20));
        await bed.Evaluator.EvaluateAllAsync(default);

        Assert.Equal("OK", (await bed.Alarms.ListAsync(default)).Single().Alarm.StateValue);
        Assert.Single(handler.Invocations);
    }

    [Fact]
    public async Task EvaluateAll_ActionsDisabled_StateMovesButNothingRuns()
    {
        var handler = new RecordingHandler();
        await using var bed = new CloudWatchTestBed(handler);
        await bed.Alarms.PutAsync(Input(PolicyArn), default);
        await bed.Alarms.SetActionsEnabledAsync(["high"], enabled: false, default);
        await bed.PutAsync(CloudWatchTestBed.Key(), CloudWatchTestBed.Start.AddSeconds(-15), 90);
        await bed.PutAsync(CloudWatchTestBed.Key(), CloudWatchTestBed.Start.AddSeconds(-5), 90);

        await bed.Evaluator.EvaluateAllAsync(default);

        Assert.Equal("ALARM", (await bed.Alarms.ListAsync(default)).Single().Alarm.StateValue);
        Assert.Empty(handler.Invocations);
    }

    [Fact]
    public async Task Put_Existing_KeepsStateAndOverwritesConfiguration()
    {
        await using var bed = new CloudWatchTestBed();
        await bed.Alarms.PutAsync(Input(PolicyArn), default);
        await bed.Alarms.SetStateAsync("high", "ALARM", "testing", null, default);
        var update = Input(PolicyArn);
        update.Threshold = 99;

        await bed.Alarms.PutAsync(update, default);

        var alarm = (await bed.Alarms.ListAsync(default)).Single().Alarm;
        Assert.Equal(("ALARM", 99.0), (alarm.StateValue, alarm.Threshold));
        Assert.Equal("arn:aws:cloudwatch:us-east-1:000000000000:alarm:high", alarm.AlarmArn);
    }

    [Theory]
    [InlineData(45, null, "InvalidParameterCombinationException")]
    [InlineData(10, 5, "InvalidParameterValueException")]
    public async Task Put_BadDefinition_Refused(int period, int? datapointsToAlarm, string code)
    {
        await using var bed = new CloudWatchTestBed();
        var input = Input(PolicyArn);
        input.Period = period;
        input.DatapointsToAlarm = datapointsToAlarm;

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => bed.Alarms.PutAsync(input, default).AsTask());

        Assert.Equal(code, error.Code);
        Assert.Empty(await bed.Alarms.ListAsync(default));
    }

    [Fact]
    public async Task Delete_Unknown_ResourceNotFoundAndNothingDeleted()
    {
        await using var bed = new CloudWatchTestBed();
        await bed.Alarms.PutAsync(Input(PolicyArn), default);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => bed.Alarms.DeleteAsync(["high", "nope"], default).AsTask());

        Assert.Equal("ResourceNotFound", error.Code);
        Assert.Single(await bed.Alarms.ListAsync(default));
    }

    private static PutMetricAlarmInput Input(string action) => new()
    {
        AlarmName = "high",
        Namespace = "App",
        MetricName = "Latency",
        Dimensions = [new Dimension { Name = "Service", Value = "web" }],
        Statistic = "Average",
        Period = 10,
        EvaluationPeriods = 2,
        Threshold = 50,
        ComparisonOperator = "GreaterThanThreshold",
        AlarmActions = [action],
    };

    private sealed class RecordingHandler : IAlarmActionHandler
    {
        public List<AlarmActionInvocation> Invocations { get; } = [];

        public bool Handles(string actionArn) => actionArn.StartsWith("arn:aws:autoscaling:", StringComparison.Ordinal);

        public ValueTask InvokeAsync(AlarmActionInvocation invocation, CancellationToken cancellationToken)
        {
            Invocations.Add(invocation);
            return ValueTask.CompletedTask;
        }
    }
}
