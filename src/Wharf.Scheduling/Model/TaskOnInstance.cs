namespace Wharf.Scheduling.Model;

/// <summary>
/// What placement needs to know about a task already on an instance: enough to evaluate
/// <c>task:group</c>, <c>distinctInstance</c> and spread counts.
/// </summary>
/// <param name="TaskDefinitionFamily">The family of the task's definition.</param>
/// <param name="Group">The task group (<c>service:name</c> for service tasks, <c>family:name</c> by default for RunTask).</param>
/// <param name="StartedBy">The task's <c>startedBy</c>, if any.</param>
public sealed record TaskOnInstance(string TaskDefinitionFamily, string Group, string? StartedBy = null);
