using Wharf.Core.Model;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.Api;
using Wharf.Server.Ecs.Common;
using Wharf.Server.State;

namespace Wharf.Server.Ecs.TaskDefinitions;

/// <summary>
/// ListTaskDefinitionFamilies: family names starting with <c>familyPrefix</c>. ACTIVE: families with
/// an ACTIVE revision; INACTIVE: families with revisions but none ACTIVE; ALL (the default): both.
/// </summary>
internal sealed class ListTaskDefinitionFamiliesHandler(StateRepository state)
    : IOperationHandler<ListTaskDefinitionFamiliesRequest, ListTaskDefinitionFamiliesResponse>
{
    private const string Scope = "ListTaskDefinitionFamilies";

    public async ValueTask<ListTaskDefinitionFamiliesResponse> HandleAsync(
        ListTaskDefinitionFamiliesRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        var status = input.Status ?? "ALL";
        if (status is not (EcsStatus.Active or EcsStatus.Inactive or "ALL"))
        {
            throw EcsErrors.NotOneOf("status", status, EcsStatus.Active, EcsStatus.Inactive, "ALL");
        }

        var prefix = input.FamilyPrefix ?? "";
        var records = await state.ListAsync<TaskDefinitionRecord>(StateKinds.TaskDefinition, null, cancellationToken);
        var families = records
            .Select(r => r.Value)
            .Where(r => r.Family.StartsWith(prefix, StringComparison.Ordinal))
            .GroupBy(r => r.Family, StringComparer.Ordinal)
            .Where(g => status switch
            {
                EcsStatus.Active => g.Any(r => r.Status == EcsStatus.Active),
                EcsStatus.Inactive => g.All(r => r.Status != EcsStatus.Active),
                _ => true,
            })
            .Select(g => g.Key)
            .Order(StringComparer.Ordinal)
            .ToList();

        var page = PageToken.Slice(families, f => f, Scope, input.NextToken, input.MaxResults);
        return new ListTaskDefinitionFamiliesResponse { Families = [.. page.Items], NextToken = page.NextToken };
    }
}
