using Wharf.Core.Model;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.Api;
using Wharf.Server.Ecs.Common;
using Wharf.Server.State;

namespace Wharf.Server.Ecs.TaskDefinitions;

/// <summary>
/// ListTaskDefinitions: revision ARNs of one status (ACTIVE unless asked), of one family when
/// <c>familyPrefix</c> is given (ECS matches the whole family name), by family then revision,
/// ascending or with <c>sort: DESC</c> newest first; paged.
/// </summary>
internal sealed class ListTaskDefinitionsHandler(StateRepository state)
    : IOperationHandler<ListTaskDefinitionsRequest, ListTaskDefinitionsResponse>
{
    private const string Scope = "ListTaskDefinitions";

    public async ValueTask<ListTaskDefinitionsResponse> HandleAsync(
        ListTaskDefinitionsRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        var status = input.Status ?? EcsStatus.Active;
        if (status is not (EcsStatus.Active or EcsStatus.Inactive or EcsStatus.DeleteInProgress))
        {
            throw EcsErrors.NotOneOf("status", status, EcsStatus.Active, EcsStatus.Inactive, EcsStatus.DeleteInProgress);
        }

        var descending = input.Sort switch
        {
            null or "ASC" => false,
            "DESC" => true,
            _ => throw EcsErrors.NotOneOf("sort", input.Sort, "ASC", "DESC"),
        };

        var records = await state.ListAsync<TaskDefinitionRecord>(
            StateKinds.TaskDefinition, string.IsNullOrEmpty(input.FamilyPrefix) ? null : input.FamilyPrefix, cancellationToken);
        var ordered = records.Select(r => r.Value).Where(r => r.Status == status).OrderBy(SortKey, StringComparer.Ordinal).ToList();
        if (descending)
        {
            ordered.Reverse();
        }

        var page = PageToken.Slice(ordered, SortKey, Scope, input.NextToken, input.MaxResults, descending);
        return new ListTaskDefinitionsResponse
        {
            TaskDefinitionArns = page.Items.Select(r => r.Arn).ToList(),
            NextToken = page.NextToken,
        };
    }

    /// <summary>Family, then revision: U+0001 sorts below every character a family may hold.</summary>
    private static string SortKey(TaskDefinitionRecord record) =>
        $"{record.Family}\u0001{record.Revision:D10}";
}
