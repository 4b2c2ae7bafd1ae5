namespace Wharf.Core.Status;

/// <summary>
/// A task definition revision's <c>status</c>: deregistered revisions become INACTIVE, and only
/// INACTIVE revisions may be deleted.
/// </summary>
public enum TaskDefinitionStatus
{
    /// <summary>Usable for new tasks and services.</summary>
    Active = 0,

    /// <summary>Deregistered: existing tasks and services keep it, nothing new starts from it.</summary>
    Inactive = 1,

    /// <summary>Deletion requested; terminal.</summary>
    DeleteInProgress = 2,
}
