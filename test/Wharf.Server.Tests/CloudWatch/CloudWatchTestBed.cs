using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Wharf.Server.Api;
using Wharf.Server.CloudWatch.Alarms;
using Wharf.Server.CloudWatch.Common;
using Wharf.Server.CloudWatch.Metrics;

namespace Wharf.Server.Tests.CloudWatch;

/// <summary>The metric store, alarms and evaluator over an in-memory SQLite database and fake time.</summary>
internal sealed class CloudWatchTestBed : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    public static readonly OperationContext Context = new("request-1", "AKIDEXAMPLE", "us-east-1");

    public CloudWatchTestBed(params IAlarmActionHandler[] handlers)
    {
        Database = MetricsDatabase.Open(":memory:");
        Store = new MetricStore(Database, Time);
        Alarms = new MetricAlarms(Database, new WharfServerOptions { DataDirectory = "/nonexistent" }, Time);
        Actions = new AlarmActionRunner(handlers, Alarms, NullLogger<AlarmActionRunner>.Instance);
        Evaluator = new AlarmEvaluator(Alarms, Store, Actions, Options, Time, NullLogger<AlarmEvaluator>.Instance);
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public MetricsOptions Options { get; } = new();

    public MetricsDatabase Database { get; }

    public MetricStore Store { get; }

    public MetricAlarms Alarms { get; }

    public AlarmActionRunner Actions { get; }

    public AlarmEvaluator Evaluator { get; }

    public static MetricKey Key(string name = "Latency", string ns = "App") =>
        new(ns, name, [new KeyValuePair<string, string>("Service", "web")]);

    public Task PutAsync(MetricKey key, DateTimeOffset at, params double[] values) =>
        Store.PutAsync([.. values.Select(v => MetricSample.Single(key, at, v, "Milliseconds"))], CancellationToken.None).AsTask();

    public async ValueTask DisposeAsync()
    {
        Alarms.Dispose();
        await Database.DisposeAsync();
    }
}
