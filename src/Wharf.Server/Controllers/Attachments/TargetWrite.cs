using Wharf.Core.Model;

namespace Wharf.Server.Controllers.Attachments;

/// <summary>A target document to put (or delete, when <paramref name="Record"/> is null).</summary>
internal sealed record TargetWrite(string Key, string TargetGroupArn, TargetRecord? Record, long ExpectedVersion);
