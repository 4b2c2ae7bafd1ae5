using Wharf.Core.Model;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.Api;
using Wharf.Server.Ecs.Common;
using Wharf.Server.Ecs.Tasks;
using Wharf.Server.State;

namespace Wharf.Server.Ecs.Services;

/// <summary>
/// ListServices: the ARNs of a cluster's services that are not INACTIVE, in name order, filtered by
/// <c>launchType</c> and <c>schedulingStrategy</c>; 10 per page unless <c>maxResults</c> (up to 100) says otherwise.
/// </summary>
internal sealed class ListServicesHandler(ClusterResolver clusters, StateRepository state)
    : IOperationHandler<ListServicesRequest, ListServicesResponse>
{
    public const int DefaultPageSize = 10;
    private const string Scope = "ListServices";

    public async ValueTask<ListServicesResponse> HandleAsync(ListServicesRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        if (input.LaunchType is not null && !LaunchValidation.LaunchTypes.Contains(input.LaunchType, StringComparer.Ordinal))
        {
            throw EcsErrors.NotOneOf("launchType", input.LaunchType, LaunchValidation.LaunchTypes);
        }

        if (input.SchedulingStrategy is not null)
        {
            ServiceValidation.Strategy(input.SchedulingStrategy);
        }

        var cluster = (await clusters.FindAsync(input.Cluster, cancellationToken))?.Value ?? throw EcsErrors.ClusterNotFound();
        var all = await state.ListAsync<ServiceRecord>(StateKinds.Service, cluster.Arn, cancellationToken);
        var matching = all
            .Select(s => s.Value)
            .Where(s => s.Status != EcsStatus.Inactive)
            .Where(s => input.LaunchType is null || s.LaunchType == input.LaunchType)
            .Where(s => input.SchedulingStrategy is null || s.SchedulingStrategy == input.SchedulingStrategy)
            .Select(s => s.Arn)
            .Order(StringComparer.Ordinal)
            .ToList();
        var page = PageToken.Slice(matching, a => a, Scope, input.NextToken, input.MaxResults ?? DefaultPageSize);
        return new ListServicesResponse { ServiceArns = [.. page.Items], NextToken = page.NextToken };
    }
}
