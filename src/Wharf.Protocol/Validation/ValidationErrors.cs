using Wharf.Protocol.Errors;
using Wharf.Protocol.Model;

namespace Wharf.Protocol.Validation;

/// <summary>
/// Which error each service answers for invalid input. AWS's validation layer answers
/// <c>ValidationException</c> on JSON services and <c>ValidationError</c> on Query services;
/// a service that models its own parameter error (ECS and CloudWatch Logs:
/// <c>InvalidParameterException</c>; Cloud Map: <c>InvalidInput</c>; CloudWatch:
/// <c>MissingParameter</c>/<c>InvalidParameterValue</c>) answers that one instead; EC2 answers
/// <c>MissingParameter</c>/<c>InvalidParameterValue</c>.
/// </summary>
public static class ValidationErrors
{
    /// <summary>Builds the service's validation error carrying <paramref name="message"/>.</summary>
    /// <param name="service">The service that validates.</param>
    /// <param name="missing">Whether the problem is a missing required member (rather than a bad value).</param>
    /// <param name="message">The message.</param>
    public static AwsServiceException Create(ServiceModel service, bool missing, string message)
    {
        if (service.Speaks(AwsProtocols.Ec2))
        {
            return new AwsServiceException(missing ? "MissingParameter" : "InvalidParameterValue", message);
        }

        var errors = service.Errors.Values;
        var byCode = errors.FirstOrDefault(e => e.Code == (missing ? "MissingParameter" : "InvalidParameterValue"));
        if (byCode is not null)
        {
            return new AwsServiceException(byCode, message);
        }

        foreach (var name in new[] { "InvalidParameterException", "InvalidInput", "ValidationException", "ValidationError" })
        {
            if (service.FindError(name) is { } modelled)
            {
                return new AwsServiceException(modelled, message);
            }
        }

        return service.Speaks(AwsProtocols.Json) || service.Speaks(AwsProtocols.RpcV2Cbor)
            ? new AwsServiceException("ValidationException", message)
            : new AwsServiceException("ValidationError", message);
    }

    /// <summary>The error for a value that does not parse as its member's type (Query and EC2 requests).</summary>
    public static AwsServiceException Malformed(ServiceModel service, string message) => Create(service, missing: false, message);
}
