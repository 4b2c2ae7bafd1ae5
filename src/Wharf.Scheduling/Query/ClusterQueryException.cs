namespace Wharf.Scheduling.Query;

/// <summary>
/// A cluster query expression that does not parse. The message names the 1-based character
/// position, e.g. <c>Invalid expression at position 17: expected a value</c>.
/// </summary>
public sealed class ClusterQueryException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public ClusterQueryException()
    {
        Reason = string.Empty;
    }

    /// <summary>Creates the exception with a plain message.</summary>
    public ClusterQueryException(string message)
        : base(message)
    {
        Reason = message;
    }

    /// <summary>Creates the exception with a plain message and an inner exception.</summary>
    public ClusterQueryException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = message;
    }

    /// <summary>Creates the exception for a position and a reason.</summary>
    public ClusterQueryException(int position, string reason)
        : base($"Invalid expression at position {position}: {reason}")
    {
        Position = position;
        Reason = reason;
    }

    /// <summary>The 1-based character position of the error.</summary>
    public int Position { get; }

    /// <summary>The reason without the position prefix.</summary>
    public string Reason { get; }
}
