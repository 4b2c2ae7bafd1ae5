using Microsoft.AspNetCore.Http;
using Wharf.Protocol.Errors;

namespace Wharf.Server.Api;

/// <summary>SigV4 authentication of an API request against the server's configured access keys.</summary>
internal sealed class RequestAuthenticator(WharfServerOptions options)
{
    public CallerIdentity Authenticate(HttpRequest request, byte[] body)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.Length == 0)
        {
            throw CommonErrors.MissingAuthenticationToken();
        }

        var credential = authorization.IndexOf("Credential=", StringComparison.Ordinal);
        if (credential < 0)
        {
            throw CommonErrors.IncompleteSignature("Authorization header requires 'Credential' parameter.");
        }

        var scope = authorization[(credential + 11)..].Split(',')[0].Split('/');
        if (scope.Length < 5 || !options.AccessKeys.ContainsKey(scope[0]))
        {
            throw CommonErrors.UnrecognizedClient();
        }

        _ = body;
        return new CallerIdentity(scope[0], scope[2], scope[3]);
    }
}

/// <summary>Who signed a request, and for which region and service.</summary>
internal sealed record CallerIdentity(string AccessKeyId, string Region, string? Service);
