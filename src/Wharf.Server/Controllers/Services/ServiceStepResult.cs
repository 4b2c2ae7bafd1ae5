using Wharf.Core.Model;

namespace Wharf.Server.Controllers.Services;

/// <summary>
/// What one step decided: the service record as it should be stored, the tasks to create, and
/// the tasks to stop (updated, each with the store version it was read at).
/// </summary>
internal sealed record ServiceStepResult(
    ServiceRecord Service,
    IReadOnlyList<TaskRecord> NewTasks,
    IReadOnlyList<(TaskRecord Task, long Version)> Stops);
