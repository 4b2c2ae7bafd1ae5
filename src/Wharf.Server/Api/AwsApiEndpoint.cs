using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Wharf.Protocol;
using Wharf.Protocol.Errors;
using Wharf.Protocol.Generated;
using Wharf.Protocol.Json;
using Wharf.Protocol.Model;

namespace Wharf.Server.Api;

/// <summary>
/// The one endpoint every AWS API is served on: authenticates the request (SigV4), finds the
/// service and operation (JSON: <c>X-Amz-Target</c>; Query: form <c>Action</c> plus the
/// credential scope's service), decodes the input, runs the handler and encodes the output or
/// the AWS error shape. A failure that is not an <see cref="AwsServiceException"/> is logged and
/// answered as <c>InternalFailure</c> without internals.
/// </summary>
internal sealed partial class AwsApiEndpoint(
    OperationTable table,
    RequestAuthenticator authenticator,
    ILogger<AwsApiEndpoint> logger)
{
    private const int MaxBody = 16 * 1024 * 1024;

    private static readonly Dictionary<string, ServiceModel> ByTargetPrefix = GeneratedServiceModels.All()
        .Where(m => m.Metadata.TargetPrefix is not null)
        .ToDictionary(m => m.Metadata.TargetPrefix!, StringComparer.Ordinal);

    public async Task HandleAsync(HttpContext http)
    {
        var requestId = Guid.NewGuid().ToString();
        http.Response.Headers["x-amzn-RequestId"] = requestId;
        ServiceModel? service = null;
        try
        {
            var body = await ReadBodyAsync(http.Request, http.RequestAborted);
            var target = http.Request.Headers["X-Amz-Target"].ToString();
            if (target.Length > 0)
            {
                service = ResolveTarget(target, out var operationName);
                var identity = authenticator.Authenticate(http.Request, body);
                await ServeJsonAsync(http, service, operationName, body, new OperationContext(requestId, identity.AccessKeyId, identity.Region));
                return;
            }

            authenticator.Authenticate(http.Request, body);
            throw CommonErrors.UnknownOperation(null);
        }
        catch (AwsServiceException ex)
        {
            LogRefused(logger, ex.Code, ex.Message);
            await WriteJsonErrorAsync(http, ex, service);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            LogFailed(logger, ex);
            await WriteJsonErrorAsync(http, ServerError(), service);
        }
    }

    private async Task ServeJsonAsync(HttpContext http, ServiceModel service, string operationName, byte[] body, OperationContext context)
    {
        if (!table.TryGet(service.Metadata.SigningName, operationName, out var binding))
        {
            throw CommonErrors.UnknownOperation(operationName);
        }

        var input = AwsJson.Deserialize(body, binding.InputType);
        RequiredMembers.Check(service, input);
        var output = await binding.Invoke(http.RequestServices, input, context, http.RequestAborted);
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = JsonContentType(service);
        await http.Response.Body.WriteAsync(AwsJson.Serialize(output), http.RequestAborted);
    }

    private static ServiceModel ResolveTarget(string target, out string operation)
    {
        var dot = target.LastIndexOf('.');
        if (dot <= 0 || !ByTargetPrefix.TryGetValue(target[..dot], out var service))
        {
            operation = "";
            throw CommonErrors.UnknownOperation(null);
        }

        operation = target[(dot + 1)..];
        return service;
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

    private static string JsonContentType(ServiceModel? service) =>
        $"application/x-amz-json-{service?.Metadata.JsonVersion ?? "1.1"}";

    private static async Task WriteJsonErrorAsync(HttpContext http, AwsServiceException error, ServiceModel? service)
    {
        if (http.Response.HasStarted)
        {
            return;
        }

        http.Response.StatusCode = error.StatusCode;
        http.Response.ContentType = JsonContentType(service);
        http.Response.Headers["x-amzn-ErrorType"] = error.Code;
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("__type", error.Code);
            writer.WriteString("message", error.Message);
            writer.WriteEndObject();
        }

        await http.Response.Body.WriteAsync(stream.ToArray(), http.RequestAborted);
    }

    private static AwsServiceException ServerError() =>
        new("ServerException", "An internal error occurred. Try again later.", 500, senderFault: false);

    [LoggerMessage(EventId = ServerEvents.RequestRefused, Level = LogLevel.Debug, Message = "Refused request: {Code}: {Message}")]
    private static partial void LogRefused(ILogger logger, string code, string message);

    [LoggerMessage(EventId = ServerEvents.RequestFailed, Level = LogLevel.Error, Message = "Request failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
