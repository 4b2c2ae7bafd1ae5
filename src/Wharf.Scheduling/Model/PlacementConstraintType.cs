namespace Wharf.Scheduling.Model;

/// <summary>The ECS placement constraint types.</summary>
public enum PlacementConstraintType
{
    /// <summary><c>distinctInstance</c>: each task of the group on a different instance.</summary>
    DistinctInstance,

    /// <summary><c>memberOf</c>: only instances matching a cluster query expression.</summary>
    MemberOf,
}
