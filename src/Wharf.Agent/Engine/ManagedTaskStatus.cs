namespace Wharf.Agent.Engine;

/// <summary>The agent-side status of a task, in order; it never moves backwards.</summary>
internal enum ManagedTaskStatus
{
    /// <summary>Pulling images, creating and starting containers.</summary>
    Pending,

    /// <summary>Every essential container runs.</summary>
    Running,

    /// <summary>Stopping: signals sent, waiting for containers to exit.</summary>
    Stopping,

    /// <summary>Every container exited or was never started (terminal).</summary>
    Stopped,
}
