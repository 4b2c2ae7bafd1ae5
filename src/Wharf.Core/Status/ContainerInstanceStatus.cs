namespace Wharf.Core.Status;

/// <summary>
/// A container instance's <c>status</c>. Not a line: an instance goes between ACTIVE and DRAINING
/// at the user's request; deregistration ends in INACTIVE.
/// </summary>
public enum ContainerInstanceStatus
{
    /// <summary>Registration is in progress.</summary>
    Registering = 0,

    /// <summary>Registration failed; terminal.</summary>
    RegistrationFailed = 1,

    /// <summary>Accepts tasks.</summary>
    Active = 2,

    /// <summary>Accepts no new tasks; its service tasks move away.</summary>
    Draining = 3,

    /// <summary>Deregistration is in progress.</summary>
    Deregistering = 4,

    /// <summary>Deregistered; terminal.</summary>
    Inactive = 5,
}
