using Wharf.Protocol.Errors;
using Wharf.Server.Ecs.Common;

namespace Wharf.Server.Ecs.Services;

/// <summary>The service errors, with ECS's exception names and words.</summary>
internal static class ServiceErrors
{
    public static AwsServiceException ServiceNotFound() => new("ServiceNotFoundException", "Service not found.");

    public static AwsServiceException ServiceNotActive() => new("ServiceNotActiveException", "Service was not ACTIVE.");

    /// <summary>CreateService with the name of a service that is ACTIVE or DRAINING.</summary>
    public static AwsServiceException NotIdempotent() => EcsErrors.InvalidParameter("Creation of service was not idempotent.");

    /// <summary>DeleteService without <c>force</c> of a service that still wants tasks.</summary>
    public static AwsServiceException ScaledAboveZero() =>
        EcsErrors.InvalidParameter("The service cannot be stopped while it is scaled above 0.");
}
