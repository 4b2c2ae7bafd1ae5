using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Wharf.Protocol.Auth;
using Wharf.Protocol.Errors;

namespace Wharf.Server.Api;

/// <summary>SigV4 authentication of an API request against the server's configured access keys.</summary>
internal sealed class RequestAuthenticator(WharfServerOptions options, TimeProvider time)
{
    private readonly SigV4Verifier verifier = new(key => options.AccessKeys.GetValueOrDefault(key), time);

    /// <summary>The service named in the request's credential scope, read before routing (Query needs it).</summary>
    public static string? SigningServiceOf(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        var credential = authorization.IndexOf("Credential=", StringComparison.Ordinal) is var at and >= 0
            ? authorization[(at + 11)..].Split(',')[0]
            : request.Query["X-Amz-Credential"].ToString();
        var scope = credential.Split('/');
        return scope.Length >= 5 ? scope[3] : null;
    }

    public CallerIdentity Authenticate(HttpContext http, byte[] body)
    {
        var request = http.Request;
        var rawTarget = http.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.ToString();
        var question = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var (name, values) in request.Headers)
        {
            foreach (var value in values)
            {
                headers.Add(new(name, value ?? ""));
            }
        }

        var result = verifier.Verify(new SigV4Request
        {
            Method = request.Method,
            RawPath = question < 0 ? rawTarget : rawTarget[..question],
            RawQueryString = question < 0 ? null : rawTarget[(question + 1)..],
            Headers = headers,
            Body = body,
        });
        if (!result.Succeeded)
        {
            throw result.Error ?? CommonErrors.MissingAuthenticationToken();
        }

        return new CallerIdentity(result.AccessKeyId!, result.Region ?? options.Region, result.Service);
    }
}

/// <summary>Who signed a request, and for which region and service.</summary>
internal sealed record CallerIdentity(string AccessKeyId, string Region, string? Service);
