using Wharf.Protocol.Generated.Ecs;

namespace Wharf.Server.Placement;

/// <summary>One container of a <see cref="TaskBlueprint"/>: its definition with the overrides applied.</summary>
/// <param name="Definition">The container definition as registered.</param>
/// <param name="Cpu">CPU units after overrides (0 when unset, as ECS reports it).</param>
/// <param name="Memory">Hard memory limit in MiB after overrides.</param>
/// <param name="MemoryReservation">Soft memory limit in MiB after overrides.</param>
internal sealed record BlueprintContainer(ContainerDefinition Definition, int Cpu, int? Memory, int? MemoryReservation)
{
    public string Name => Definition.Name ?? string.Empty;
}
