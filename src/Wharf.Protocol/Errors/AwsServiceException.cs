using Wharf.Protocol.Model;

namespace Wharf.Protocol.Errors;

/// <summary>
/// An AWS error to send back to the caller: the error name (<c>__type</c> in JSON, <c>Code</c>
/// in XML), a message, the HTTP status and whether the caller (sender) or the service
/// (receiver) is at fault. Handlers throw it; the protocol layer writes it.
/// </summary>
public sealed class AwsServiceException : Exception
{
    /// <summary>Creates an error; sender faults default to 400, receiver faults should pass 500.</summary>
    public AwsServiceException(string code, string message, int statusCode = 400, bool senderFault = true, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
        StatusCode = statusCode;
        SenderFault = senderFault;
    }

    /// <summary>Creates an error from a modelled error shape, keeping its code and HTTP status.</summary>
    public AwsServiceException(ErrorModel error, string message)
        : this(error.Name, message, error.HttpStatusCode, error.SenderFault)
    {
        QueryCode = error.Code;
    }

    /// <summary>Not for use: errors always carry a code.</summary>
    public AwsServiceException()
        : this("InternalFailure", "An internal error occurred.", 500, false)
    {
    }

    /// <summary>Not for use: errors always carry a code.</summary>
    public AwsServiceException(string message)
        : this("InternalFailure", message, 500, false)
    {
    }

    /// <summary>Not for use: errors always carry a code.</summary>
    public AwsServiceException(string message, Exception innerException)
        : this("InternalFailure", message, 500, false, innerException)
    {
    }

    /// <summary>The error name, e.g. <c>ClusterNotFoundException</c> (the JSON <c>__type</c>).</summary>
    public string Code { get; }

    /// <summary>The code written in Query/XML responses when the model gives the shape another
    /// one (CloudWatch's <c>ResourceNotFound</c> for <c>DashboardNotFoundError</c>); defaults to <see cref="Code"/>.</summary>
    public string QueryCode { get => field ?? Code; init; }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>True when the caller is at fault (<c>Sender</c>), false for service faults (<c>Receiver</c>).</summary>
    public bool SenderFault { get; }
}
