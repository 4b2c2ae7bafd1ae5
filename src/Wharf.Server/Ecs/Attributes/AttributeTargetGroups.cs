using Wharf.Core.Model;
using Wharf.Server.Ecs.Common;
using Wharf.Server.State;

namespace Wharf.Server.Ecs.Attributes;

/// <summary>
/// Groups the attributes of a PutAttributes/DeleteAttributes call by the container instance they
/// target, checking names, values and targets. An attribute without a target, or with a short id
/// but no targetType, is an InvalidParameterException; an instance that is not registered in the
/// cluster a TargetNotFoundException.
/// </summary>
internal sealed class AttributeTargetGroups(ContainerInstanceResolver instances)
{
    public const int MaxAttributesPerCall = 10;

    public async ValueTask<List<(Versioned<ContainerInstanceRecord> Instance, List<AttributeRecord> Attributes)>> GroupAsync(
        IReadOnlyList<Protocol.Generated.Ecs.Attribute>? attributes, ClusterRecord cluster, bool checkValues, CancellationToken cancellationToken)
    {
        var given = attributes ?? [];
        if (given.Count is 0 or > MaxAttributesPerCall)
        {
            throw EcsErrors.InvalidParameter($"Give between 1 and {MaxAttributesPerCall} attributes; {given.Count} were given.");
        }

        var byTarget = new Dictionary<string, List<AttributeRecord>>(StringComparer.Ordinal);
        foreach (var attribute in given)
        {
            AttributeRules.Validate(attribute.Name, checkValues ? attribute.Value : null);
            AttributeRules.ValidateTargetType(attribute.TargetType);
            if (string.IsNullOrEmpty(attribute.TargetId))
            {
                throw EcsErrors.InvalidParameter($"Attribute '{attribute.Name}' needs a targetId: the container instance id or ARN.");
            }

            if (attribute.TargetType is null && !Core.Arns.Arn.LooksLikeArn(attribute.TargetId))
            {
                throw EcsErrors.InvalidParameter($"Attribute '{attribute.Name}' names its target by short id: give targetType container-instance too.");
            }

            var arn = instances.ArnOf(attribute.TargetId, cluster);
            if (!byTarget.TryGetValue(arn, out var list))
            {
                byTarget[arn] = list = [];
            }

            list.Add(new AttributeRecord(attribute.Name!, attribute.Value));
        }

        var result = new List<(Versioned<ContainerInstanceRecord>, List<AttributeRecord>)>();
        foreach (var (arn, list) in byTarget)
        {
            var instance = await instances.FindAsync(arn, cluster, cancellationToken);
            if (instance is null || instance.Value.Status == EcsStatus.Inactive)
            {
                throw EcsErrors.TargetNotFound($"Could not find {arn}.");
            }

            result.Add((instance, list));
        }

        return result;
    }
}
