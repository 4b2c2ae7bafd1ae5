namespace Wharf.Agent.Docker;

/// <summary>
/// An <see cref="IProgress{T}"/> that runs its handler on the reporting thread, so stream
/// messages are seen in the order the engine sent them (<see cref="Progress{T}"/> posts to the
/// thread pool and may reorder).
/// </summary>
internal sealed class SynchronousProgress<T>(Action<T> handler) : IProgress<T>
{
    public void Report(T value) => handler(value);
}
