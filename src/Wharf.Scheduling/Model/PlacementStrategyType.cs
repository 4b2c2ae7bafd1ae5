namespace Wharf.Scheduling.Model;

/// <summary>The ECS placement strategy types.</summary>
public enum PlacementStrategyType
{
    /// <summary><c>random</c>.</summary>
    Random,

    /// <summary><c>spread</c>: fewest tasks of the group per value of the field first.</summary>
    Spread,

    /// <summary><c>binpack</c>: least remaining cpu or memory first.</summary>
    Binpack,
}
