namespace Wharf.Core.Arns;

/// <summary>
/// The words of every ARN and id error. Where ECS's own wording is known it is kept (so messages
/// read as users of ECS expect: "Invalid Region in ARN", "Identifier is for cluster X. Your cluster
/// is Y"), with the offending value added.
/// </summary>
internal static class ArnErrors
{
    public static string Malformed(string? value) =>
        $"Invalid ARN '{value}': an ARN has the form arn:partition:service:region:account-id:resource-type/resource.";

    public static string WrongPartition(string value, string actual, string expected) =>
        $"Invalid ARN '{value}': partition '{actual}' is not this endpoint's partition '{expected}'.";

    public static string WrongService(string value, string actual) =>
        $"Invalid ARN '{value}': service '{actual}' is not 'ecs'.";

    public static string WrongRegion(string value, string actual, string expected) =>
        $"Invalid Region in ARN '{value}': the ARN is for region '{actual}'. Your region is '{expected}'.";

    public static string WrongAccount(string value, string actual, string expected) =>
        $"Invalid identifier '{value}': Identifier is for account {actual}. Your accountId is {expected}.";

    public static string WrongResourceType(string value, EcsResourceType expected) =>
        $"Invalid ARN '{value}': expected a {expected.ToDisplayName()} ARN ({expected.ToArnSegment()}/...).";

    public static string UnknownResourceType(string value) =>
        $"Invalid ARN '{value}': the resource type is not an ECS resource that has an ARN.";

    public static string WrongCluster(string arnCluster, string requestCluster) =>
        $"Invalid identifier: Identifier is for cluster {arnCluster}. Your cluster is {requestCluster}.";

    public static string UnexpectedSeparators(string value) =>
        $"Invalid identifier '{value}': Unexpected number of separators.";

    public static string Empty(EcsResourceType type) =>
        $"The {type.ToDisplayName()} name or ARN cannot be empty.";

    public static string BadId(string value, EcsResourceType type) =>
        $"Invalid identifier '{value}': a {type.ToDisplayName()} id is 32 hexadecimal characters or a UUID (length should be one of [32,36]).";

    public static string BadContainerId(string value) =>
        $"Invalid identifier '{value}': a container id is a UUID.";

    public static string BadTaskSetId(string value) =>
        $"Invalid identifier '{value}': a task set id looks like ecs-svc/1234567890123456789.";

    public static string BadName(string value, EcsResourceType type) =>
        $"Invalid {type.ToDisplayName()} '{value}': {ResourceNames.NameRule(type.ToDisplayName())}";

    public static string MissingRevision(string value) =>
        $"Invalid task definition ARN '{value}': the ARN must end with family:revision.";
}
