using System.Net;

namespace Wharf.Agent.Docker;

/// <summary>The engine refused or failed an operation.</summary>
internal sealed class DockerEngineException : Exception
{
    public DockerEngineException()
    {
    }

    public DockerEngineException(string message)
        : base(message)
    {
    }

    public DockerEngineException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DockerEngineException(HttpStatusCode statusCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
    }

    /// <summary>The engine's HTTP status, when it answered.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>True when a host port the container publishes is already taken.</summary>
    public bool IsPortConflict =>
        Message.Contains("port is already allocated", StringComparison.OrdinalIgnoreCase)
        || Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase);
}
