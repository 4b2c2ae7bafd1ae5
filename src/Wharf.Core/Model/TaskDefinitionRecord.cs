namespace Wharf.Core.Model;

/// <summary>
/// One registered revision. <see cref="Definition"/> is the complete ECS <c>TaskDefinition</c>
/// wire object (JSON) as DescribeTaskDefinition returns it, including <c>status</c>,
/// <c>registeredAt</c> and the fields ECS fills in (<c>requiresAttributes</c>, <c>compatibilities</c>).
/// </summary>
public sealed record TaskDefinitionRecord
{
    public required string Family { get; init; }
    public required int Revision { get; init; }
    public required string Arn { get; init; }
    /// <summary>ACTIVE, INACTIVE or DELETE_IN_PROGRESS.</summary>
    public required string Status { get; init; }
    public required DateTimeOffset RegisteredAt { get; init; }
    public DateTimeOffset? DeregisteredAt { get; init; }
    /// <summary>The wire <c>TaskDefinition</c> JSON.</summary>
    public required string Definition { get; init; }

    /// <summary>The store key for a revision: ordinal order is revision order.</summary>
    public static string KeyFor(string family, int revision) => $"{family}:{revision:D10}";
}

/// <summary>Per family: the last revision number handed out (revisions are never reused).</summary>
public sealed record TaskDefinitionFamilyRecord
{
    public required string Family { get; init; }
    public required int LastRevision { get; init; }
}
