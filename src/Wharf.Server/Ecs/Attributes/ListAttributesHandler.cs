using Wharf.Core.Model;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.Api;
using Wharf.Server.Ecs.Common;
using Wharf.Server.State;

namespace Wharf.Server.Ecs.Attributes;

/// <summary>
/// ListAttributes: the attributes of the cluster's registered container instances, each with its
/// target, narrowed by <c>attributeName</c> (and <c>attributeValue</c>, which needs a name); paged.
/// </summary>
internal sealed class ListAttributesHandler(StateRepository state, ClusterResolver clusters)
    : IOperationHandler<ListAttributesRequest, ListAttributesResponse>
{
    private const string Scope = "ListAttributes";

    public async ValueTask<ListAttributesResponse> HandleAsync(ListAttributesRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        AttributeRules.ValidateTargetType(input.TargetType);
        if (input.AttributeValue is not null && input.AttributeName is null)
        {
            throw EcsErrors.InvalidParameter("attributeValue can only be given with attributeName.");
        }

        var cluster = await clusters.ResolveAsync(input.Cluster, cancellationToken);
        var instances = await state.ListAsync<ContainerInstanceRecord>(StateKinds.ContainerInstance, cluster.Value.Arn, cancellationToken);
        var matching = instances
            .Select(i => i.Value)
            .Where(i => i.Status != EcsStatus.Inactive)
            .SelectMany(i => i.Attributes
                .Where(a => (input.AttributeName is null || a.Name == input.AttributeName)
                    && (input.AttributeValue is null || a.Value == input.AttributeValue))
                .OrderBy(a => a.Name, StringComparer.Ordinal)
                .Select(a => (Instance: i.Arn, Attribute: a)))
            .ToList();

        var page = PageToken.Slice(matching, m => $"{m.Instance}\u0001{m.Attribute.Name}", Scope, input.NextToken, input.MaxResults);
        return new ListAttributesResponse
        {
            Attributes = page.Items.Select(m => new Protocol.Generated.Ecs.Attribute
            {
                Name = m.Attribute.Name,
                Value = m.Attribute.Value,
                TargetType = AttributeRules.ContainerInstanceTarget,
                TargetId = m.Instance,
            }).ToList(),
            NextToken = page.NextToken,
        };
    }
}
