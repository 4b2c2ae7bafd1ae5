namespace Wharf.Agent.Docker;

/// <summary>One container event from the engine's event stream.</summary>
/// <param name="ContainerId">The container's id.</param>
/// <param name="Action"><c>create</c>, <c>start</c>, <c>die</c>, <c>oom</c>, <c>destroy</c>, <c>health_status: healthy</c>, …</param>
/// <param name="Labels">The container's labels, as the event carries them.</param>
internal sealed record DockerEvent(string ContainerId, string Action, IReadOnlyDictionary<string, string> Labels);
