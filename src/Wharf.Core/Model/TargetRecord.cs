namespace Wharf.Core.Model;

/// <summary>
/// A target registered with a target group, and its health as the load balancer last saw it.
/// The API creates it in <c>initial</c>; the data plane's health checks move it to
/// <c>healthy</c>/<c>unhealthy</c>; deregistration makes it <c>draining</c> until
/// <see cref="DrainUntil"/>, after which the data plane deletes it.
/// </summary>
public sealed record TargetRecord
{
    public required string TargetGroupArn { get; init; }
    /// <summary>An instance id (<c>i-…</c>) or an IP address, by the group's target type.</summary>
    public required string Id { get; init; }
    public required int Port { get; init; }
    public string? AvailabilityZone { get; init; }
    public required DateTimeOffset RegisteredAt { get; init; }
    /// <summary>initial, healthy, unhealthy or draining (unused is derived when no listener uses the group).</summary>
    public required string State { get; init; }
    /// <summary>ELBv2's reason code, e.g. <c>Elb.RegistrationInProgress</c>, <c>Target.ResponseCodeMismatch</c>.</summary>
    public string? Reason { get; init; }
    public string? Description { get; init; }
    public DateTimeOffset? StateChangedAt { get; init; }
    /// <summary>When a draining target is removed.</summary>
    public DateTimeOffset? DrainUntil { get; init; }
}
