namespace Wharf.Placement.SimulatedFleet;

/// <summary>Totals over all simulated agents, written to the status file once a second.</summary>
internal sealed class FleetCounters
{
    private long connected;
    private long tasksReceived;
    private long runningReported;
    private long stoppedReported;
    private long acks;
    private long sessionsLost;

    public long Connected => Interlocked.Read(ref connected);

    public void AddConnected(int delta) => Interlocked.Add(ref connected, delta);

    public void AddReceived(int count) => Interlocked.Add(ref tasksReceived, count);

    public void AddRunning(int count) => Interlocked.Add(ref runningReported, count);

    public void AddStopped(int count) => Interlocked.Add(ref stoppedReported, count);

    public void AddAck() => Interlocked.Increment(ref acks);

    public void AddLost() => Interlocked.Increment(ref sessionsLost);

    public string ToJson(int hosts, DateTimeOffset now) =>
        System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["time"] = now.ToUnixTimeMilliseconds() / 1000.0,
            ["hosts"] = hosts,
            ["connected"] = Connected,
            ["tasksReceived"] = Interlocked.Read(ref tasksReceived),
            ["runningReported"] = Interlocked.Read(ref runningReported),
            ["stoppedReported"] = Interlocked.Read(ref stoppedReported),
            ["stateAcks"] = Interlocked.Read(ref acks),
            ["sessionsLost"] = Interlocked.Read(ref sessionsLost),
        });
}
