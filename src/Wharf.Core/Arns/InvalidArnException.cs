namespace Wharf.Core.Arns;

/// <summary>
/// A name, id or ARN given by a client is malformed or names another region, account or resource
/// type. The message is written for the client: the API answers it as <c>InvalidParameterException</c>.
/// </summary>
public sealed class InvalidArnException : FormatException
{
    /// <summary>Creates the exception with a default message.</summary>
    public InvalidArnException()
    {
    }

    /// <summary>Creates the exception with a message for the client.</summary>
    public InvalidArnException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message for the client and a cause.</summary>
    public InvalidArnException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
