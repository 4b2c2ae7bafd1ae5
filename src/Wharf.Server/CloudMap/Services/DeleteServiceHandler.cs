using Wharf.Core.Model;
using Wharf.Protocol.Generated.ServiceDiscovery;
using Wharf.Server.Api;
using Wharf.Server.CloudMap.Common;

namespace Wharf.Server.CloudMap.Services;

/// <summary>DeleteService: refused while instances are registered (<c>ResourceInUse</c>).</summary>
internal sealed class DeleteServiceHandler(CloudMapState state) : IOperationHandler<DeleteServiceRequest, DeleteServiceResponse>
{
    public async ValueTask<DeleteServiceResponse> HandleAsync(DeleteServiceRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        var repository = state.Repository;
        await repository.RetryAsync(async ct =>
        {
            var service = await state.ServiceAsync(input.Id, ct);
            var instances = await state.InstancesAsync(service.Value.Id, ct);
            if (instances.Count > 0)
            {
                throw CloudMapErrors.ResourceInUse(
                    $"Service {service.Value.Id} has {instances.Count} registered instance(s); deregister them first.");
            }

            var write = repository.Begin();
            write.Delete(DiscoveryKinds.Service, service.Key, service.Version);
            if (await repository.GetAsync<TagSet>(StateKinds.Tags, service.Value.Arn, ct) is { } tags)
            {
                write.Delete(StateKinds.Tags, service.Value.Arn, tags.Version);
            }

            await write.CommitAsync(ct);
            return true;
        }, cancellationToken);
        return new DeleteServiceResponse();
    }
}
