using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.Api;
using Wharf.Server.Ecs.Common;

namespace Wharf.Server.Ecs.Services;

/// <summary>
/// DescribeServices: up to 10 services of one cluster, by name or ARN, in any status (a deleted
/// one reads INACTIVE); unknown ones come back as <c>MISSING</c> failures. <c>include: TAGS</c> adds tags.
/// </summary>
internal sealed class DescribeServicesHandler(ClusterResolver clusters, ServiceResolver services, ResourceTags tags)
    : IOperationHandler<DescribeServicesRequest, DescribeServicesResponse>
{
    public const int MaxServices = 10;

    public async ValueTask<DescribeServicesResponse> HandleAsync(
        DescribeServicesRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        var references = input.Services ?? [];
        if (references.Count is 0 or > MaxServices)
        {
            throw EcsErrors.InvalidParameter($"services can have between 1 and {MaxServices} items; {references.Count} were given.");
        }

        var withTags = false;
        foreach (var value in input.Include ?? [])
        {
            withTags = value == "TAGS" ? true : throw EcsErrors.NotOneOf("include", value, "TAGS");
        }

        var cluster = (await clusters.FindAsync(input.Cluster, cancellationToken))?.Value ?? throw EcsErrors.ClusterNotFound();
        var response = new DescribeServicesResponse { Services = [], Failures = [] };
        foreach (var arn in references.Select(r => services.ArnOf(r, cluster)).Distinct(StringComparer.Ordinal))
        {
            var service = await services.FindAsync(arn, cancellationToken);
            if (service is null)
            {
                response.Failures.Add(new Failure { Arn = arn, Reason = "MISSING" });
                continue;
            }

            var wireTags = withTags ? await tags.ListAsync(arn, cancellationToken) : null;
            response.Services.Add(ServiceMapper.ToWire(service.Value, wireTags));
        }

        return response;
    }
}
