namespace Wharf.Core.Model;

/// <summary>
/// One of a service's <c>loadBalancers</c>: the target group its tasks register with, and the
/// container and port the balancer sends traffic to (the host port bound for it is the target's port).
/// </summary>
public sealed record ServiceLoadBalancerRecord(string TargetGroupArn, string ContainerName, int ContainerPort);
