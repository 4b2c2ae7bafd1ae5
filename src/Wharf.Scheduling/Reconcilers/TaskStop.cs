namespace Wharf.Scheduling.Reconcilers;

/// <summary>A task the plan stops, and why.</summary>
/// <param name="TaskArn">The task.</param>
/// <param name="Reason">Why.</param>
public sealed record TaskStop(string TaskArn, StopReason Reason);
