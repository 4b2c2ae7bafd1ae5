using Wharf.Core.Model;

namespace Wharf.Server.Controllers.Attachments;

/// <summary>
/// What the attachment controller does for one task: the new task record, the target documents
/// to write (null = delete) at the versions read, and the Cloud Map instances to (de)register.
/// </summary>
internal sealed record AttachmentStep(
    TaskRecord Task,
    IReadOnlyList<TargetWrite> TargetWrites,
    IReadOnlyList<CloudMapRegistration> Register,
    IReadOnlyList<CloudMapRegistration> Deregister)
{
    /// <summary>True when the step changes anything.</summary>
    public bool Changed { get; init; }
}
