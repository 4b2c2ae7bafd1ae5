using Wharf.Protocol.Errors;

namespace Wharf.Server.ElasticLoadBalancing.Common;

/// <summary>ELBv2's errors, with the Query codes and statuses of the botocore model and AWS's wording.</summary>
internal static class ElbErrors
{
    public static AwsServiceException Validation(string message) => new("ValidationError", message);

    public static AwsServiceException LoadBalancerNotFound(string? arn = null) =>
        Modelled("LoadBalancerNotFound", arn is null ? "One or more load balancers not found" : $"Load balancer '{arn}' not found");

    public static AwsServiceException TargetGroupNotFound(string? arn = null) =>
        Modelled("TargetGroupNotFound", arn is null ? "One or more target groups not found" : $"Target groups '{arn}' not found");

    public static AwsServiceException ListenerNotFound(string? arn = null) =>
        Modelled("ListenerNotFound", arn is null ? "One or more listeners not found" : $"Listener '{arn}' not found");

    public static AwsServiceException RuleNotFound(string? arn = null) =>
        Modelled("RuleNotFound", arn is null ? "One or more rules not found" : $"Rule '{arn}' not found");

    public static AwsServiceException DuplicateLoadBalancerName() =>
        Modelled("DuplicateLoadBalancerName", "A load balancer with the same name exists, but with different settings");

    public static AwsServiceException DuplicateTargetGroupName() =>
        Modelled("DuplicateTargetGroupName", "A target group with the same name exists, but with different settings");

    public static AwsServiceException DuplicateListener() =>
        Modelled("DuplicateListener", "A listener already exists on this port for this load balancer");

    public static AwsServiceException PriorityInUse(int priority) =>
        Modelled("PriorityInUse", $"Priority '{priority}' is currently in use");

    public static AwsServiceException InvalidConfiguration(string message) => Modelled("InvalidConfigurationRequest", message);

    public static AwsServiceException InvalidAction(string message) => Modelled("InvalidLoadBalancerAction", message);

    public static AwsServiceException TooManyActions() => Modelled("TooManyActions", "A rule can have at most one terminal action");

    public static AwsServiceException InvalidTarget(string message) => Modelled("InvalidTarget", message);

    public static AwsServiceException ResourceInUse(string message) => Modelled("ResourceInUse", message);

    public static AwsServiceException OperationNotPermitted(string message) => Modelled("OperationNotPermitted", message);

    public static AwsServiceException SubnetNotFound(string message) => Modelled("SubnetNotFound", message);

    public static AwsServiceException InvalidSecurityGroup(string message) => Modelled("InvalidSecurityGroup", message);

    public static AwsServiceException DuplicateTagKeys(string key) => Modelled("DuplicateTagKeys", $"Tag key '{key}' is duplicated");

    public static AwsServiceException TooManyTags() => Modelled("TooManyTags", "Too many tags: a resource can have at most 50 tags");

    public static AwsServiceException UnsupportedProtocol(string protocol) =>
        Modelled("UnsupportedProtocol", $"Protocol '{protocol}' is not supported");

    /// <summary>A modelled error: shape name <c>{code}Exception</c>, Query code <paramref name="code"/>, HTTP 400.</summary>
    private static AwsServiceException Modelled(string code, string message) =>
        new(code + "Exception", message) { QueryCode = code };
}
