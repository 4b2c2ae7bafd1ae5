using Wharf.Agent.Tests.Fakes;
using Wharf.Protocol.AgentChannel;
using Xunit;

namespace Wharf.Agent.Tests.ControlPlane;

public sealed class AgentSessionTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(50);

    private static TaskStateReport Report(string arn, string status) => new() { TaskArn = arn, LastStatus = status };

    [Fact]
    public async Task Connect_SendsRegisterFirstWithCurrentTasks()
    {
        await using var h = new SessionHarness();
        h.TasksAtRegistration.Add(Report("arn:task/adopted", "RUNNING"));
        h.Start();

        await Eventually.Until(() => h.Registrations.Count == 1, "registered");

        var register = h.Server.Last.Sent[0];
        Assert.Equal(AgentMessageTypes.Register, register.Type);
        Assert.NotNull(register.Id);
        var body = register.ReadBody<RegisterRequest>();
        Assert.Equal("i-0123456789abcdef0", body.Ec2InstanceId);
        Assert.Equal("arn:task/adopted", Assert.Single(body.Tasks).TaskArn);
        Assert.Equal(FakeServer.InstanceArn, h.Registrations[0].ContainerInstanceArn);
    }

    [Fact]
    public async Task Reports_PublishedTogether_TravelAsOneBatchAfterTheWindow()
    {
        await using var h = new SessionHarness().Start();
        await Eventually.Until(() => h.Registrations.Count == 1, "registered");

        h.Reports.Publish(Report("a", "PENDING"));
        h.Reports.Publish(Report("b", "PENDING"));
        h.Reports.Publish(Report("a", "RUNNING"));
        await Eventually.AdvanceUntil(h.Time, Step, () => h.Server.States.Count == 1, "a state batch sent");

        var batch = h.Server.States[0].ReadBody<TaskStateBatch>();
        Assert.Equal(["a", "b"], batch.Tasks.Select(t => t.TaskArn));
        Assert.Equal("RUNNING", batch.Tasks[0].LastStatus);
        await Eventually.Until(() => h.Reports.InFlight is null, "batch acked");
    }

    [Fact]
    public async Task Reports_NotAcked_ResentWithTheSameIdUntilAcked()
    {
        await using var h = new SessionHarness();
        h.Server.AckStates = false;
        h.Start();
        await Eventually.Until(() => h.Registrations.Count == 1, "registered");

        h.Reports.Publish(Report("a", "RUNNING"));
        await Eventually.AdvanceUntil(h.Time, Step, () => h.Server.States.Count == 1, "first send");
        h.Time.Advance(TimeSpan.FromSeconds(4));
        await Eventually.Never(() => h.Server.States.Count > 1, "resent before the resend interval");
        await Eventually.AdvanceUntil(h.Time, Step, () => h.Server.States.Count == 2, "resent");
        h.Reports.Publish(Report("b", "RUNNING"));
        await Eventually.AdvanceUntil(h.Time, Step, () => h.Server.States.Count == 3, "resent again");

        var sent = h.Server.States;
        Assert.Single(sent.Select(m => m.Id).Distinct());
        Assert.All(sent, m => Assert.Equal(["a"], m.ReadBody<TaskStateBatch>().Tasks.Select(t => t.TaskArn)));

        h.Server.Last.SendToAgent(new AgentMessage { Type = AgentMessageTypes.Ack, Id = sent[0].Id });
        await Eventually.AdvanceUntil(h.Time, Step, () => h.Server.States.Count == 4, "next batch sent");
        var next = h.Server.States[3];
        Assert.NotEqual(sent[0].Id, next.Id);
        Assert.Equal("b", next.ReadBody<TaskStateBatch>().Tasks.Single().TaskArn);
    }

    [Fact]
    public async Task TasksMessage_AppliedAndAcked()
    {
        await using var h = new SessionHarness().Start();
        await Eventually.Until(() => h.Registrations.Count == 1, "registered");

        h.Server.Last.SendToAgent(AgentMessage.Create(AgentMessageTypes.Tasks, "desired-7", Specs.Desired(7, Specs.Task())));
        await Eventually.Until(() => h.Server.Last.SentOfType(AgentMessageTypes.Ack).Count == 1, "tasks acked");

        Assert.Equal("desired-7", h.Server.Last.SentOfType(AgentMessageTypes.Ack)[0].Id);
        var applied = Assert.Single(h.Applied);
        Assert.Equal(7, applied.Generation);
        Assert.Equal(Specs.Arn(), applied.Tasks.Single().TaskArn);
    }

    [Fact]
    public async Task Heartbeats_SentEveryHeartbeatSeconds()
    {
        await using var h = new SessionHarness();
        h.Server.HeartbeatSeconds = 10;
        h.Start();
        await Eventually.Until(() => h.Registrations.Count == 1, "registered");

        h.Time.Advance(TimeSpan.FromSeconds(9));
        await Eventually.Never(() => h.Server.Last.SentOfType(AgentMessageTypes.Heartbeat).Count > 0, "heartbeat before 10 s");
        await Eventually.AdvanceUntil(h.Time, TimeSpan.FromSeconds(1), () => h.Server.Last.SentOfType(AgentMessageTypes.Heartbeat).Count == 2, "two heartbeats");

        var heartbeats = h.Server.Last.SentOfType(AgentMessageTypes.Heartbeat).Select(m => m.ReadBody<Heartbeat>().SentAt).ToList();
        Assert.Equal(TimeSpan.FromSeconds(10), heartbeats[1] - heartbeats[0]);
        Assert.True(heartbeats[0] >= h.Time.Start.AddSeconds(10));
    }

    [Fact]
    public async Task ServerRefusesRegistration_ReconnectsLaterWithBackoff()
    {
        await using var h = new SessionHarness();
        h.Server.RefuseRegistrations = 1;
        h.Start();

        await Eventually.AdvanceUntil(h.Time, Step, () => h.Registrations.Count == 1, "registered on a later connection");

        Assert.Equal(2, h.Server.Channels.Count);
        Assert.True(h.Server.Channels[0].Disposed);
    }

    [Fact]
    public async Task ConnectionRefused_RetriesWithBackoff_ThenResendsUnackedBatchOnTheNewConnection()
    {
        await using var h = new SessionHarness();
        h.Server.RefuseConnects = 3;
        h.Server.AckStates = false;
        h.Start();
        await Eventually.AdvanceUntil(h.Time, Step, () => h.Registrations.Count == 1, "registered after refusals");
        Assert.Equal(4, h.Server.ConnectAttempts);

        h.Reports.Publish(Report("a", "RUNNING"));
        await Eventually.AdvanceUntil(h.Time, Step, () => h.Server.States.Count == 1, "batch sent");
        var first = h.Server.Last;
        first.Close();
        await Eventually.AdvanceUntil(h.Time, Step, () => h.Server.Channels.Count == 2 && h.Server.Last.SentOfType(AgentMessageTypes.State).Count == 1, "batch resent after reconnecting");

        var resent = h.Server.Last.SentOfType(AgentMessageTypes.State)[0];
        Assert.Equal(AgentMessageTypes.Register, h.Server.Last.Sent[0].Type);
        Assert.Equal(h.Server.States[0].Id, resent.Id);
        Assert.True(first.Disposed);
    }
}
