namespace Wharf.Protocol.Model;

/// <summary>An error shape of a service model: its name, wire code and HTTP status.</summary>
/// <param name="Name">The shape name (the JSON <c>__type</c>).</param>
/// <param name="Code">The Query/XML error code (<c>error.code</c>, else the shape name).</param>
/// <param name="HttpStatusCode">The HTTP status (<c>error.httpStatusCode</c>, else 400 for sender faults and 500 for receiver faults).</param>
/// <param name="SenderFault">True when the caller is at fault (client error), false for server faults.</param>
public sealed record ErrorModel(string Name, string Code, int HttpStatusCode, bool SenderFault);
