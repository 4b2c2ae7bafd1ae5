using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Wharf.Core.Model;
using Wharf.LoadBalancer.Routing;
using Wharf.LoadBalancer.Snapshots;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Model;

namespace Wharf.LoadBalancer.Proxy;

/// <summary>
/// The ALB step of the proxy pipeline: finds the listener by the local port the request came in on,
/// evaluates its rules, and either answers (fixed-response, redirect) or hands the request to YARP
/// with the chosen target group's cluster. Reads one snapshot per request.
/// </summary>
internal sealed class ListenerRoutingMiddleware(
    SnapshotHolder snapshots, IProxyStateLookup lookup, Func<int, int> random, RequestCounts? counts = null)
{
    public async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        var snapshot = snapshots.Current;
        if (!snapshot.Listeners.TryGetValue(context.Connection.LocalPort, out var listener))
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        var action = ActionSelector.Select(listener, Facts(context.Request, context));
        if (action?.Type is not "forward")
        {
            counts?.Increment(listener.LoadBalancerArn, null, 0);
        }

        switch (action?.Type)
        {
            case "fixed-response":
                await FixedAsync(context.Response, action.FixedResponse!);
                return;
            case "redirect":
                Redirect(context, action.Redirect!);
                return;
            case "forward":
                var groupArn = ActionSelector.PickTargetGroup(action, random);
                if (groupArn is null || !lookup.TryGetCluster(groupArn, out var cluster) || cluster.DestinationsState.AvailableDestinations.Count == 0)
                {
                    counts?.Increment(listener.LoadBalancerArn, null, 0);
                    context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                    return;
                }

                counts?.Increment(listener.LoadBalancerArn, groupArn, cluster.DestinationsState.AvailableDestinations.Count);

                context.ReassignProxyRequest(cluster);
                await next();
                return;
            default:
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
        }
    }

    private static RequestFacts Facts(HttpRequest request, HttpContext context)
    {
        var query = new List<KeyValuePair<string, string>>();
        foreach (var pair in QueryHelpers.ParseQuery(request.QueryString.Value))
        {
            foreach (var value in pair.Value)
            {
                query.Add(new(pair.Key, value ?? ""));
            }
        }

        return new RequestFacts(
            request.Method,
            request.Host.Host,
            request.Path.HasValue ? request.Path.Value! : "/",
            query,
            name => request.Headers.TryGetValue(name, out var values) ? values.Select(v => v ?? "") : [],
            context.Connection.RemoteIpAddress);
    }

    private static async Task FixedAsync(HttpResponse response, FixedResponseRecord fixedResponse)
    {
        response.StatusCode = int.Parse(fixedResponse.StatusCode, System.Globalization.CultureInfo.InvariantCulture);
        if (fixedResponse.ContentType is not null)
        {
            response.ContentType = fixedResponse.ContentType;
        }

        if (!string.IsNullOrEmpty(fixedResponse.MessageBody))
        {
            await response.Body.WriteAsync(Encoding.UTF8.GetBytes(fixedResponse.MessageBody));
        }
    }

    private static void Redirect(HttpContext context, RedirectRecord redirect)
    {
        var request = context.Request;
        var path = (request.Path.HasValue ? request.Path.Value! : "/").TrimStart('/');
        var query = request.QueryString.HasValue ? request.QueryString.Value![1..] : "";
        var location = RedirectBuilder.Location(
            redirect, request.Scheme.ToUpperInvariant(), request.Host.Host, context.Connection.LocalPort, path, query);
        context.Response.StatusCode = redirect.StatusCode == "HTTP_301" ? StatusCodes.Status301MovedPermanently : StatusCodes.Status302Found;
        context.Response.Headers.Location = location;
    }
}
