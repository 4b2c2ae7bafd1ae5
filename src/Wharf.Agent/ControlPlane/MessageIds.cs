namespace Wharf.Agent.ControlPlane;

/// <summary>
/// Ids for messages that expect an ack: random rather than sequential, so ids from a previous
/// run of the agent cannot collide with new ones on the server.
/// </summary>
internal sealed class MessageIds(Random random)
{
    public string Next()
    {
        var bytes = new byte[12];
        lock (random)
        {
            random.NextBytes(bytes);
        }

        return Convert.ToHexStringLower(bytes);
    }
}
