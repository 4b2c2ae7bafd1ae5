namespace Wharf.Scheduling.Model;

/// <summary>Who asks for a placement; it decides the default strategies when none is given.</summary>
public enum PlacementOrigin
{
    /// <summary>A standalone task from RunTask.</summary>
    RunTask,

    /// <summary>A task of a REPLICA service.</summary>
    Service,
}
