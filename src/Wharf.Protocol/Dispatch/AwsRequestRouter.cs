using Wharf.Protocol.Errors;
using Wharf.Protocol.Model;
using Wharf.Protocol.Query;

namespace Wharf.Protocol.Dispatch;

/// <summary>
/// Picks the service, operation and protocol of a request: JSON by <c>X-Amz-Target</c>, RPC v2
/// CBOR by <c>smithy-protocol</c> and the <c>/service/X/operation/Y</c> path, Query/EC2 by the
/// form's <c>Action</c> and the SigV4 scope's service.
/// </summary>
public static class AwsRequestRouter
{
    private const string CborPathPrefix = "/service/";

    /// <summary>Routes <paramref name="request"/> within <paramref name="catalog"/>.</summary>
    public static RouteResult Route(ServiceCatalog catalog, RouteRequest request)
    {
        if (!string.IsNullOrEmpty(request.Target))
        {
            return RouteJson(catalog, request);
        }

        if (request.Path.StartsWith(CborPathPrefix, StringComparison.Ordinal)
            || string.Equals(request.SmithyProtocol, "rpc-v2-cbor", StringComparison.OrdinalIgnoreCase))
        {
            return RouteCbor(catalog, request.Path);
        }

        var form = QueryRequest.Parse(request.Method == "GET" || request.Body.IsEmpty
            ? request.QueryString ?? string.Empty
            : System.Text.Encoding.UTF8.GetString(request.Body.Span));
        if (form.Action is not null || IsForm(request.ContentType))
        {
            return RouteForm(catalog, request.SigningService, form);
        }

        return new RouteResult { Codec = AwsProtocolCodecs.Json11, Error = CommonErrors.UnknownOperation(null) };
    }

    private static RouteResult RouteJson(ServiceCatalog catalog, RouteRequest request)
    {
        var target = request.Target!;
        if (!catalog.TryResolveTarget(target, out var service, out var operation) || !service!.Speaks(AwsProtocols.Json))
        {
            var codec = request.ContentType?.Contains("1.0", StringComparison.Ordinal) == true ? AwsProtocolCodecs.Json10 : AwsProtocolCodecs.Json11;
            return new RouteResult { Codec = codec, Error = CommonErrors.UnknownOperation(target) };
        }

        return new RouteResult
        {
            Codec = AwsProtocolCodecs.JsonFor(service),
            Service = service,
            Operation = operation,
            Error = operation is null ? CommonErrors.UnknownOperation(target) : null,
        };
    }

    private static RouteResult RouteCbor(ServiceCatalog catalog, string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var service = parts is ["service", var name, "operation", _] ? catalog.FindByTargetPrefix(name) : null;
        var operation = service is not null && service.Speaks(AwsProtocols.RpcV2Cbor) ? service.FindOperation(parts[3]) : null;
        return new RouteResult
        {
            Codec = AwsProtocolCodecs.RpcV2Cbor,
            Service = service,
            Operation = operation,
            Error = operation is null ? CommonErrors.UnknownOperation(parts.Length == 4 ? parts[3] : null) : null,
        };
    }

    private static RouteResult RouteForm(ServiceCatalog catalog, string? signingService, QueryRequest form)
    {
        var service = signingService is not null ? catalog.FindBySigningName(signingService) : GuessByVersion(catalog, form);
        var codec = service is not null ? AwsProtocolCodecs.FormFor(service) : null;
        if (service is null || codec is null)
        {
            return new RouteResult { Codec = AwsProtocolCodecs.Query, Form = form, Error = CommonErrors.InvalidAction(form.Action) };
        }

        var operation = form.Action is { } action ? service.FindOperation(action) : null;
        return new RouteResult
        {
            Codec = codec,
            Service = service,
            Operation = operation,
            Form = form,
            Error = operation is null ? CommonErrors.InvalidAction(form.Action) : null,
        };
    }

    // Without a verified scope (an unsigned request being refused), pick the Query service
    // whose API version and operations match, so the error is at least in the right shape.
    private static ServiceModel? GuessByVersion(ServiceCatalog catalog, QueryRequest form) =>
        catalog.Services.FirstOrDefault(s => AwsProtocolCodecs.FormFor(s) is not null
            && s.Metadata.ApiVersion == form.Version
            && form.Action is not null && s.FindOperation(form.Action) is not null);

    private static bool IsForm(string? contentType) =>
        contentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true;
}
