namespace Wharf.Server.Controllers.Attachments;

/// <summary>Log event ids of the attachment controller (the 1400 block).</summary>
internal static class AttachmentControllerEvents
{
    public const int PassFailed = 1400;
    public const int TaskFailed = 1401;
    public const int TargetChanged = 1402;
    public const int CloudMapRegistered = 1403;
    public const int CloudMapDeregistered = 1404;
    public const int CloudMapFailed = 1405;
}
