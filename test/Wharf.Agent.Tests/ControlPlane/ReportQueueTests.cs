using Wharf.Agent.ControlPlane;
using Wharf.Protocol.AgentChannel;
using Xunit;

namespace Wharf.Agent.Tests.ControlPlane;

public sealed class ReportQueueTests
{
    private static int _ids;

    private static ReportQueue NewQueue(int maxBatch = 100) => new(() => $"id-{Interlocked.Increment(ref _ids)}", maxBatch);

    private static TaskStateReport Report(string arn, string status) => new() { TaskArn = arn, LastStatus = status };

    [Fact]
    public void Publish_SameTaskTwiceBeforeSending_KeepsOnlyTheLatest()
    {
        var queue = NewQueue();
        queue.Publish(Report("a", "PENDING"));
        queue.Publish(Report("b", "PENDING"));
        queue.Publish(Report("a", "RUNNING"));

        var batch = queue.NextBatch()!;

        Assert.Equal(["a", "b"], batch.Batch.Tasks.Select(t => t.TaskArn));
        Assert.Equal("RUNNING", batch.Batch.Tasks[0].LastStatus);
    }

    [Fact]
    public void NextBatch_UntilAcked_ReturnsTheSameBatch()
    {
        var queue = NewQueue();
        queue.Publish(Report("a", "PENDING"));
        var first = queue.NextBatch()!;
        queue.Publish(Report("a", "RUNNING"));

        Assert.Same(first, queue.NextBatch());
        Assert.False(queue.Acknowledge("some-other-id"));
        Assert.Same(first, queue.NextBatch());

        Assert.True(queue.Acknowledge(first.Id));
        var second = queue.NextBatch()!;
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal("RUNNING", second.Batch.Tasks.Single().LastStatus);
        Assert.True(queue.Acknowledge(second.Id));
        Assert.Null(queue.NextBatch());
    }

    [Fact]
    public void NextBatch_MoreThanMax_SplitsInOrder()
    {
        var queue = NewQueue(maxBatch: 2);
        foreach (var arn in new[] { "a", "b", "c" })
        {
            queue.Publish(Report(arn, "PENDING"));
        }

        var first = queue.NextBatch()!;
        queue.Acknowledge(first.Id);
        var second = queue.NextBatch()!;

        Assert.Equal(["a", "b"], first.Batch.Tasks.Select(t => t.TaskArn));
        Assert.Equal(["c"], second.Batch.Tasks.Select(t => t.TaskArn));
    }

    [Fact]
    public async Task Changed_CompletesOnPublishAndAck()
    {
        var queue = NewQueue();
        var changed = queue.Changed;
        Assert.False(changed.IsCompleted);

        queue.Publish(Report("a", "PENDING"));
        await changed.WaitAsync(TimeSpan.FromSeconds(5));

        changed = queue.Changed;
        queue.Acknowledge(queue.NextBatch()!.Id);
        await changed.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
