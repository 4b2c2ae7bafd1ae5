using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.Api;
using Wharf.Server.Ecs.Common;

namespace Wharf.Server.Ecs.TaskDefinitions;

/// <summary>DescribeTaskDefinition: a family (latest ACTIVE revision), family:revision or ARN; tags with <c>include: TAGS</c>.</summary>
internal sealed class DescribeTaskDefinitionHandler(TaskDefinitionResolver definitions, ResourceTags tags)
    : IOperationHandler<DescribeTaskDefinitionRequest, DescribeTaskDefinitionResponse>
{
    public async ValueTask<DescribeTaskDefinitionResponse> HandleAsync(
        DescribeTaskDefinitionRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        var includeTags = false;
        foreach (var value in input.Include ?? [])
        {
            includeTags = value == "TAGS" ? true : throw EcsErrors.NotOneOf("include", value, "TAGS");
        }

        var record = await definitions.FindAsync(input.TaskDefinition, cancellationToken)
            ?? throw EcsErrors.UnableToDescribeTaskDefinition();
        return new DescribeTaskDefinitionResponse
        {
            TaskDefinition = TaskDefinitionResolver.ToWire(record.Value),
            Tags = includeTags ? await tags.ListAsync(record.Value.Arn, cancellationToken) : null,
        };
    }
}
