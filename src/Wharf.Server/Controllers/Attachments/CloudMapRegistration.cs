namespace Wharf.Server.Controllers.Attachments;

/// <summary>A Cloud Map instance of a task.</summary>
internal sealed record CloudMapRegistration(string RegistryArn, string InstanceId, IReadOnlyDictionary<string, string> Attributes);
