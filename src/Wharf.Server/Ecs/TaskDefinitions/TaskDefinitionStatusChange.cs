using Wharf.Core.Model;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.Ecs.Common;

namespace Wharf.Server.Ecs.TaskDefinitions;

/// <summary>Moves a revision to INACTIVE or DELETE_IN_PROGRESS, in the record and in its stored wire JSON alike.</summary>
internal static class TaskDefinitionStatusChange
{
    public static TaskDefinitionRecord Apply(TaskDefinitionRecord record, string status, DateTimeOffset now)
    {
        var definition = WireJson.Deserialize<TaskDefinition>(record.Definition);
        definition.Status = status;
        var deregisteredAt = record.DeregisteredAt;
        if (status == EcsStatus.Inactive)
        {
            deregisteredAt = now;
            definition.DeregisteredAt = now;
        }
        else if (status == EcsStatus.DeleteInProgress)
        {
            definition.DeleteRequestedAt = now;
        }

        return record with { Status = status, DeregisteredAt = deregisteredAt, Definition = WireJson.Serialize(definition) };
    }
}
