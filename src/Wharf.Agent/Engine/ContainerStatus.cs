namespace Wharf.Agent.Engine;

/// <summary>
/// What the agent knows of one container, in the order a container moves through it; it never
/// moves backwards (a port-conflict retry is the one exception: Created back to Pulled).
/// </summary>
internal enum ContainerStatus
{
    /// <summary>Nothing done yet; the image may be missing.</summary>
    None,

    /// <summary>The image is present locally.</summary>
    Pulled,

    /// <summary>The Docker container exists but has not started.</summary>
    Created,

    /// <summary>The container's process runs.</summary>
    Running,

    /// <summary>Exited, or will never run (terminal).</summary>
    Stopped,
}
