namespace Wharf.Core.Status;

/// <summary>
/// A cluster's <c>status</c>. A deleted cluster stays visible as INACTIVE for a while, as in ECS.
/// </summary>
public enum ClusterStatus
{
    /// <summary>Capacity providers are being created.</summary>
    Provisioning = 0,

    /// <summary>Ready to accept tasks.</summary>
    Active = 1,

    /// <summary>Capacity providers are being removed.</summary>
    Deprovisioning = 2,

    /// <summary>Provisioning failed.</summary>
    Failed = 3,

    /// <summary>Deleted; terminal.</summary>
    Inactive = 4,
}
