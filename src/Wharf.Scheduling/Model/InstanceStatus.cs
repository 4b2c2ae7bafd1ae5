namespace Wharf.Scheduling.Model;

/// <summary>The ECS container instance <c>status</c> values that placement distinguishes.</summary>
public enum InstanceStatus
{
    /// <summary><c>ACTIVE</c>: accepts new tasks.</summary>
    Active,

    /// <summary><c>DRAINING</c>: gets no new tasks; its service tasks move away.</summary>
    Draining,

    /// <summary><c>REGISTERING</c>.</summary>
    Registering,

    /// <summary><c>DEREGISTERING</c>.</summary>
    Deregistering,

    /// <summary><c>REGISTRATION_FAILED</c>.</summary>
    RegistrationFailed,

    /// <summary><c>INACTIVE</c>: deregistered.</summary>
    Inactive,
}
