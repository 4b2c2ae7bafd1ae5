namespace Wharf.EndToEnd.Tests.Discovery;

/// <summary>
/// The classes whose Wharf serves DNS to task containers: one at a time, since only one process can
/// listen on the bridge gateway's port 53.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ContainerDnsCollection
{
    public const string Name = "container DNS";
}
