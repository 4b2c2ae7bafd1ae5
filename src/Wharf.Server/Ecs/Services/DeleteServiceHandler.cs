using Wharf.Core.Model;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.Api;
using Wharf.Server.Ecs.Common;
using Wharf.Server.State;

namespace Wharf.Server.Ecs.Services;

/// <summary>
/// DeleteService: a service that still wants tasks is refused unless <c>force</c> is given (ECS's
/// words: "The service cannot be stopped while it is scaled above 0."). The service becomes
/// DRAINING with desired count 0; the controller stops its tasks and marks it INACTIVE once none
/// remain. Deleting a DRAINING service again answers it as it is.
/// </summary>
internal sealed class DeleteServiceHandler(
    ClusterResolver clusters,
    ServiceResolver services,
    StateRepository state,
    TimeProvider time) : IOperationHandler<DeleteServiceRequest, DeleteServiceResponse>
{
    public async ValueTask<DeleteServiceResponse> HandleAsync(DeleteServiceRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        var cluster = (await clusters.ResolveAsync(input.Cluster, cancellationToken)).Value;
        var arn = services.ArnOf(input.Service, cluster);
        var deleted = await state.RetryAsync(
            async ct =>
            {
                var current = await services.FindAsync(arn, ct);
                if (current is null || current.Value.Status == EcsStatus.Inactive)
                {
                    throw ServiceErrors.ServiceNotFound();
                }

                var service = current.Value;
                if (service.Status == EcsStatus.Draining)
                {
                    return service;
                }

                if (service.DesiredCount > 0 && service.SchedulingStrategy == ServiceValidation.Replica && input.Force != true)
                {
                    throw ServiceErrors.ScaledAboveZero();
                }

                var now = time.GetUtcNow();
                var next = service with
                {
                    Status = EcsStatus.Draining,
                    DesiredCount = 0,
                    Deployments = [.. service.Deployments.Select(d => d with { DesiredCount = 0, UpdatedAt = now })],
                    UpdatedAt = now,
                };
                var write = state.Begin();
                write.Put(StateKinds.Service, arn, service.ClusterArn, next, current.Version);
                await write.CommitAsync(ct);
                return next;
            },
            cancellationToken);

        return new DeleteServiceResponse { Service = ServiceMapper.ToWire(deleted, null) };
    }
}
