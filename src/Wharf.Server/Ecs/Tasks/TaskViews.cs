using Wharf.Core.Model;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.Ecs.Common;
using Wharf.Server.State;
using WireTask = Wharf.Protocol.Generated.Ecs.Task;

namespace Wharf.Server.Ecs.Tasks;

/// <summary>
/// Turns stored tasks into wire tasks, reading what the wire shape needs besides the task: the
/// instances they run on (one read per distinct instance) and, when asked, their tags.
/// Stateless and thread-safe.
/// </summary>
internal sealed class TaskViews(StateRepository state, ResourceTags tags)
{
    public async ValueTask<List<WireTask>> ToWireAsync(
        IReadOnlyList<TaskRecord> tasks, bool includeTags, CancellationToken cancellationToken)
    {
        var instances = new Dictionary<string, ContainerInstanceRecord?>(StringComparer.Ordinal);
        foreach (var arn in tasks.Select(t => t.ContainerInstanceArn).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            instances[arn] = (await state.GetAsync<ContainerInstanceRecord>(StateKinds.ContainerInstance, arn, cancellationToken))?.Value;
        }

        var result = new List<WireTask>(tasks.Count);
        foreach (var task in tasks)
        {
            var instance = task.ContainerInstanceArn is { } arn ? instances[arn] : null;
            List<Tag>? taskTags = includeTags ? await tags.ListAsync(task.Arn, cancellationToken) : null;
            result.Add(TaskMapper.ToWire(task, instance, taskTags));
        }

        return result;
    }

    public async ValueTask<WireTask> ToWireAsync(TaskRecord task, bool includeTags, CancellationToken cancellationToken) =>
        (await ToWireAsync([task], includeTags, cancellationToken))[0];
}
