using Wharf.Protocol.Errors;

namespace Wharf.Server.CloudMap.Common;

/// <summary>Cloud Map's error names (all sender faults, HTTP 400), with Wharf's wording.</summary>
internal static class CloudMapErrors
{
    public static AwsServiceException InvalidInput(string message) => new("InvalidInput", message);

    public static AwsServiceException NamespaceNotFound(string id) => new("NamespaceNotFound", $"Namespace {id} not found.");

    public static AwsServiceException NamespaceAlreadyExists(string name, string id) =>
        new("NamespaceAlreadyExists", $"Namespace {name} already exists (id {id}).");

    public static AwsServiceException ServiceNotFound(string id) => new("ServiceNotFound", $"Service {id} not found.");

    public static AwsServiceException ServiceAlreadyExists(string name, string id) =>
        new("ServiceAlreadyExists", $"Service {name} already exists in the namespace (id {id}).");

    public static AwsServiceException InstanceNotFound(string id) => new("InstanceNotFound", $"Instance {id} not found.");

    public static AwsServiceException OperationNotFound(string id) => new("OperationNotFound", $"Operation {id} not found.");

    public static AwsServiceException ResourceInUse(string message) => new("ResourceInUse", message);

    public static AwsServiceException DuplicateRequest(string message) => new("DuplicateRequest", message);

    public static AwsServiceException CustomHealthNotFound(string serviceId) =>
        new("CustomHealthNotFound", $"Service {serviceId} has no custom health check configuration.");

    public static AwsServiceException ResourceNotFound(string arn) => new("ResourceNotFoundException", $"Resource {arn} not found.");

    public static AwsServiceException TooManyTags(string arn) =>
        new("TooManyTagsException", $"Resource {arn} would have more than {CloudMapTags.MaxTags} tags.");

    public static AwsServiceException InvalidNextToken() => InvalidInput("The NextToken is not valid.");
}
