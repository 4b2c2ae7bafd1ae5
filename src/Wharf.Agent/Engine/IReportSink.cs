using Wharf.Protocol.AgentChannel;

namespace Wharf.Agent.Engine;

/// <summary>Where task managers publish every change of a task's state. Thread-safe.</summary>
internal interface IReportSink
{
    /// <summary>Queues the task's current state for the server.</summary>
    void Publish(TaskStateReport report);
}
