namespace Wharf.Server.Ecs.Common;

/// <summary>The optional parts of a cluster DescribeClusters adds on request (<c>include</c>).</summary>
[Flags]
internal enum ClusterFields
{
    None = 0,
    Attachments = 1,
    Configurations = 2,
    Settings = 4,
    Statistics = 8,
    Tags = 16,
}
