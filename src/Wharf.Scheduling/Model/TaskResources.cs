namespace Wharf.Scheduling.Model;

/// <summary>
/// What a task reserves on its instance, computed as ECS does for the EC2 launch type.
/// </summary>
public static class TaskResources
{
    /// <summary>
    /// The memory a task reserves: the task-level <c>memory</c> when set; otherwise the sum over
    /// containers of <c>memoryReservation</c> when set, else <c>memory</c> (ECS subtracts the soft
    /// limit when one is given, the hard limit otherwise).
    /// </summary>
    public static int ReservedMemory(int? taskMemory, IEnumerable<ContainerResources> containers)
    {
        ArgumentNullException.ThrowIfNull(containers);
        if (taskMemory is > 0)
        {
            return taskMemory.Value;
        }

        var sum = 0;
        foreach (var container in containers)
        {
            sum += container.MemoryReservation ?? container.Memory ?? 0;
        }

        return sum;
    }

    /// <summary>
    /// The CPU units a task reserves: the task-level <c>cpu</c> when set, otherwise the sum of the
    /// containers' <c>cpu</c> (unset counts as 0, so such a task fits any instance's CPU).
    /// </summary>
    public static int ReservedCpu(int? taskCpu, IEnumerable<ContainerResources> containers)
    {
        ArgumentNullException.ThrowIfNull(containers);
        if (taskCpu is > 0)
        {
            return taskCpu.Value;
        }

        var sum = 0;
        foreach (var container in containers)
        {
            sum += container.Cpu ?? 0;
        }

        return sum;
    }
}
