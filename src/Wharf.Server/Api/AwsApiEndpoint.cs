using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Wharf.Protocol;
using Wharf.Protocol.Dispatch;
using Wharf.Protocol.Errors;
using Wharf.Protocol.Validation;

namespace Wharf.Server.Api;

/// <summary>
/// The one endpoint every AWS API is served on: routes the request to a service, operation and
/// protocol codec (JSON by <c>X-Amz-Target</c>, Query by form <c>Action</c> and the credential
/// scope's service, RPC v2 CBOR by path), authenticates it (SigV4), decodes and validates the
/// input against the model, runs the handler, and encodes the output or the AWS error shape in
/// the caller's protocol. A failure that is not an <see cref="AwsServiceException"/> is logged
/// and answered as a 500 without internals.
/// </summary>
internal sealed partial class AwsApiEndpoint(
    OperationTable table,
    RequestAuthenticator authenticator,
    ILogger<AwsApiEndpoint> logger)
{
    private const int MaxBody = 16 * 1024 * 1024;

    public async Task HandleAsync(HttpContext http)
    {
        var requestId = Guid.NewGuid().ToString();
        RouteResult? route = null;
        try
        {
            var sent = await ReadBodyAsync(http.Request, http.RequestAborted);
            var body = Decompress(http.Request, sent);
            route = AwsRequestRouter.Route(ServiceCatalog.Default, new RouteRequest
            {
                Method = http.Request.Method,
                Path = http.Request.Path.ToString(),
                QueryString = http.Request.QueryString.HasValue ? http.Request.QueryString.Value![1..] : null,
                ContentType = http.Request.ContentType,
                Target = http.Request.Headers["X-Amz-Target"].ToString(),
                SmithyProtocol = http.Request.Headers["smithy-protocol"].ToString(),
                SigningService = RequestAuthenticator.SigningServiceOf(http.Request),
                Body = body,
            });
            var identity = authenticator.Authenticate(http, sent);
            if (!route.Succeeded)
            {
                throw route.Error ?? CommonErrors.UnknownOperation(null);
            }

            var service = route.Service!;
            var operation = route.Operation!;
            if (!table.TryGet(service.Metadata.SigningName, operation.Name, out var binding))
            {
                throw route.Form is null ? CommonErrors.UnknownOperation(operation.Name) : CommonErrors.InvalidAction(operation.Name);
            }

            var input = route.ReadInput(body) ?? Activator.CreateInstance(binding.InputType)!;
            if (InputValidator.Validate(operation, input) is { } invalid)
            {
                throw invalid;
            }

            var output = await binding.Invoke(http.RequestServices, input, new OperationContext(requestId, identity.AccessKeyId, identity.Region), http.RequestAborted);
            await WriteAsync(http, route.Codec.WriteOutput(operation, output, requestId));
        }
        catch (AwsServiceException ex)
        {
            LogRefused(logger, ex.Code, ex.Message);
            await WriteErrorAsync(http, route, ex, requestId);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            LogFailed(logger, ex);
            await WriteErrorAsync(http, route, new AwsServiceException(
                "ServerException", "An internal error occurred. Try again later.", 500, senderFault: false), requestId);
        }
    }

    private static async Task WriteErrorAsync(HttpContext http, RouteResult? route, AwsServiceException error, string requestId)
    {
        if (http.Response.HasStarted)
        {
            return;
        }

        var codec = route?.Codec ?? AwsProtocolCodecs.Json11;
        var service = route?.Service ?? ServiceCatalog.Default.FindBySigningName("ecs")!;
        await WriteAsync(http, codec.WriteError(service, error, requestId));
    }

    private static async Task WriteAsync(HttpContext http, AwsResponse response)
    {
        http.Response.StatusCode = response.StatusCode;
        http.Response.ContentType = response.ContentType;
        foreach (var (name, value) in response.Headers)
        {
            http.Response.Headers[name] = value;
        }

        await http.Response.Body.WriteAsync(response.Body, http.RequestAborted);
    }

    // botocore gzips large bodies of operations with the requestcompression trait (CloudWatch's
    // PutMetricData); SigV4 signs the bytes as sent, the operation reads them inflated.
    private static byte[] Decompress(HttpRequest request, byte[] sent)
    {
        if (!request.Headers.ContentEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase))
        {
            return sent;
        }

        try
        {
            using var gzip = new System.IO.Compression.GZipStream(new MemoryStream(sent), System.IO.Compression.CompressionMode.Decompress);
            using var inflated = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = gzip.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (inflated.Length + read > MaxBody)
                {
                    throw new AwsServiceException("RequestEntityTooLargeException", "Request body is larger than 16 MiB.", 413);
                }

                inflated.Write(chunk, 0, read);
            }

            return inflated.ToArray();
        }
        catch (InvalidDataException)
        {
            throw new AwsServiceException("SerializationException", "The request body is not valid gzip.");
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBody)
            {
                throw new AwsServiceException("RequestEntityTooLargeException", "Request body is larger than 16 MiB.", 413);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    [LoggerMessage(EventId = ServerEvents.RequestRefused, Level = LogLevel.Debug, Message = "Refused request: {Code}: {Message}")]
    private static partial void LogRefused(ILogger logger, string code, string message);

    [LoggerMessage(EventId = ServerEvents.RequestFailed, Level = LogLevel.Error, Message = "Request failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
