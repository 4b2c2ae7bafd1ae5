namespace Wharf.Scheduling.Model;

/// <summary>The resource fields of one container definition, as registered.</summary>
/// <param name="Cpu">Container <c>cpu</c> units, if set.</param>
/// <param name="Memory">Container <c>memory</c> (hard limit, MiB), if set.</param>
/// <param name="MemoryReservation">Container <c>memoryReservation</c> (soft limit, MiB), if set.</param>
public readonly record struct ContainerResources(int? Cpu, int? Memory, int? MemoryReservation);
