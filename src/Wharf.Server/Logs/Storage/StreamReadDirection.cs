namespace Wharf.Server.Logs.Storage;

/// <summary>Which end of a window a stream read takes its events from.</summary>
internal enum StreamReadDirection
{
    /// <summary>The first events after the lower bound.</summary>
    Forward,

    /// <summary>The last events before the upper bound (returned oldest first all the same).</summary>
    Backward,
}
