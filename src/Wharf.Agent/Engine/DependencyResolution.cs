namespace Wharf.Agent.Engine;

/// <summary>Whether a container's <c>dependsOn</c> (and links) let it start now.</summary>
internal enum DependencyResolution
{
    /// <summary>Every dependency holds: start it.</summary>
    Satisfied,

    /// <summary>Some dependency may still come to hold.</summary>
    Waiting,

    /// <summary>Some dependency can never hold: the task fails.</summary>
    Unresolvable,
}
