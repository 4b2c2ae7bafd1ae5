using Wharf.Protocol.Errors;
using Wharf.Protocol.Model;

namespace Wharf.Server.Api;

/// <summary>Refuses an input whose top-level required members are missing, as AWS validation does.</summary>
internal static class RequiredMembers
{
    public static void Check(ServiceModel service, object input)
    {
        var shape = service.FindShape(input.GetType());
        if (shape is null)
        {
            return;
        }

        foreach (var member in shape.RequiredMembers)
        {
            if (member.Get(input) is null)
            {
                throw new AwsServiceException(
                    service.Metadata.TargetPrefix?.StartsWith("AmazonEC2ContainerService", StringComparison.Ordinal) == true
                        ? "InvalidParameterException" : "ValidationException",
                    $"1 validation error detected: Value null at '{member.Name}' failed to satisfy constraint: Member must not be null");
            }
        }
    }
}
