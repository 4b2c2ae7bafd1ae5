namespace Wharf.Agent.Engine;

/// <summary>Tells whether a host port is free right now (nothing bound to it).</summary>
internal interface IHostPortProbe
{
    /// <summary>True when nothing on the host listens on <paramref name="port"/> for <paramref name="protocol"/>.</summary>
    bool IsFree(int port, string protocol);
}
