using Wharf.Protocol.Errors;

namespace Wharf.Server.Ec2;

/// <summary>EC2's error codes (not in its model; EC2 names them in its error reference) and wording.</summary>
internal static class Ec2Errors
{
    public static AwsServiceException VpcNotFound(string id) => new("InvalidVpcID.NotFound", $"The vpc ID '{id}' does not exist");

    public static AwsServiceException SubnetNotFound(string id) => new("InvalidSubnetID.NotFound", $"The subnet ID '{id}' does not exist");

    public static AwsServiceException GroupIdNotFound(string id) => new("InvalidGroup.NotFound", $"The security group '{id}' does not exist");

    public static AwsServiceException GroupNameNotFound(string name) =>
        new("InvalidGroup.NotFound", $"The security group '{name}' does not exist in default VPC");

    public static AwsServiceException ZoneNotFound(string name) =>
        new("InvalidParameterValue", $"Invalid availability zone: [{name}]");

    public static AwsServiceException RouteTableNotFound(string id) =>
        new("InvalidRouteTableID.NotFound", $"The routeTable ID '{id}' does not exist");

    public static AwsServiceException NetworkInterfaceNotFound(string id) =>
        new("InvalidNetworkInterfaceID.NotFound", $"The networkInterface ID '{id}' does not exist");

    public static AwsServiceException DryRun() =>
        new("DryRunOperation", "Request would have succeeded, but DryRun flag is set.", 412);
}
