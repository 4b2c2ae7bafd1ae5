using System.Text.RegularExpressions;
using Wharf.Core.Model;
using Wharf.Protocol.Generated.ElasticLoadBalancingV2;
using Action = Wharf.Protocol.Generated.ElasticLoadBalancingV2.Action;

namespace Wharf.Server.ElasticLoadBalancing.Common;

/// <summary>
/// Checks rule actions as ELBv2 does and converts them between the wire and the stored records.
/// Wharf serves forward, fixed-response and redirect; each rule has exactly one of them.
/// </summary>
internal static partial class ActionMapper
{
    public const string Forward = "forward";
    public const string FixedResponse = "fixed-response";
    public const string Redirect = "redirect";

    private static readonly HashSet<string> ContentTypes =
        ["text/plain", "text/css", "text/html", "application/javascript", "application/json"];

    /// <summary>Validates actions and returns them as records; the caller checks the target groups exist.</summary>
    public static IReadOnlyList<RuleActionRecord> ToRecords(IReadOnlyList<Action>? actions)
    {
        if (actions is null || actions.Count == 0)
        {
            throw ElbErrors.Validation("At least one action must be specified");
        }

        var records = new List<RuleActionRecord>(actions.Count);
        foreach (var action in actions)
        {
            records.Add(action.Type switch
            {
                Forward => ToForward(action),
                FixedResponse => ToFixedResponse(action),
                Redirect => ToRedirect(action),
                "authenticate-oidc" or "authenticate-cognito" or "jwt-validation" =>
                    throw ElbErrors.InvalidAction($"Action type '{action.Type}' is not supported by Wharf"),
                null => throw ElbErrors.Validation("An action must have a type"),
                _ => throw ElbErrors.Validation(
                    $"1 validation error detected: Value '{action.Type}' at 'actions.member.1.type' failed to satisfy constraint: " +
                    "Member must satisfy enum value set: [forward, authenticate-oidc, authenticate-cognito, redirect, fixed-response, jwt-validation]"),
            });
        }

        if (records.Count > 1)
        {
            throw ElbErrors.TooManyActions();
        }

        return records;
    }

    /// <summary>Every target group ARN the actions forward to.</summary>
    public static IEnumerable<string> TargetGroupArns(IEnumerable<RuleActionRecord> actions) =>
        actions.SelectMany(a => a.TargetGroups.Select(t => t.TargetGroupArn)).Distinct(StringComparer.Ordinal);

    public static Action ToWire(RuleActionRecord record) => record.Type switch
    {
        Forward => new Action
        {
            Type = Forward,
            Order = record.Order,
            TargetGroupArn = record.TargetGroupArn,
            ForwardConfig = new ForwardActionConfig
            {
                TargetGroups = record.TargetGroups.Select(t => new TargetGroupTuple { TargetGroupArn = t.TargetGroupArn, Weight = t.Weight }).ToList(),
                TargetGroupStickinessConfig = new TargetGroupStickinessConfig
                {
                    Enabled = record.StickinessEnabled,
                    DurationSeconds = record.StickinessDurationSeconds,
                },
            },
        },
        FixedResponse => new Action
        {
            Type = FixedResponse,
            Order = record.Order,
            FixedResponseConfig = new FixedResponseActionConfig
            {
                StatusCode = record.FixedResponse!.StatusCode,
                ContentType = record.FixedResponse.ContentType,
                MessageBody = record.FixedResponse.MessageBody,
            },
        },
        _ => new Action
        {
            Type = Redirect,
            Order = record.Order,
            RedirectConfig = new RedirectActionConfig
            {
                Protocol = record.Redirect!.Protocol,
                Port = record.Redirect.Port,
                Host = record.Redirect.Host,
                Path = record.Redirect.Path,
                Query = record.Redirect.Query,
                StatusCode = record.Redirect.StatusCode,
            },
        },
    };

    private static RuleActionRecord ToForward(Action action)
    {
        var groups = new List<WeightedTargetGroup>();
        foreach (var tuple in action.ForwardConfig?.TargetGroups ?? [])
        {
            if (string.IsNullOrEmpty(tuple.TargetGroupArn))
            {
                throw ElbErrors.Validation("A target group ARN must be specified in each forward target group");
            }

            var weight = tuple.Weight ?? 1;
            if (weight is < 0 or > 999)
            {
                throw ElbErrors.Validation($"Target group weight '{weight}' must be between 0 and 999");
            }

            groups.Add(new WeightedTargetGroup(tuple.TargetGroupArn, weight));
        }

        if (action.TargetGroupArn is { Length: > 0 } single)
        {
            if (groups.Count == 0)
            {
                groups.Add(new WeightedTargetGroup(single, 1));
            }
            else if (groups.Count != 1 || groups[0].TargetGroupArn != single)
            {
                throw ElbErrors.Validation("You cannot specify both a target group ARN and a forward config with different target groups");
            }
        }

        if (groups.Count == 0)
        {
            throw ElbErrors.Validation("A target group ARN must be specified for a forward action");
        }

        if (groups.Count > 5)
        {
            throw ElbErrors.Validation("A forward action can have at most 5 target groups");
        }

        if (groups.Select(g => g.TargetGroupArn).Distinct(StringComparer.Ordinal).Count() != groups.Count)
        {
            throw ElbErrors.Validation("A target group can appear only once in a forward action");
        }

        var stickiness = action.ForwardConfig?.TargetGroupStickinessConfig;
        if (stickiness?.DurationSeconds is { } duration && (duration < 1 || duration > 604800))
        {
            throw ElbErrors.Validation("Target group stickiness duration must be between 1 and 604800 seconds");
        }

        return new RuleActionRecord
        {
            Type = Forward,
            Order = action.Order,
            TargetGroupArn = groups.Count == 1 ? groups[0].TargetGroupArn : null,
            TargetGroups = groups,
            StickinessEnabled = stickiness?.Enabled ?? false,
            // A duration sent with stickiness disabled is kept and read back as sent, as ELBv2 does.
            StickinessDurationSeconds = stickiness?.Enabled == true ? stickiness.DurationSeconds ?? 3600 : stickiness?.DurationSeconds,
        };
    }

    private static RuleActionRecord ToFixedResponse(Action action)
    {
        var config = action.FixedResponseConfig ?? throw ElbErrors.Validation("A fixed-response action must have a fixed-response config");
        if (config.StatusCode is null || !StatusCodePattern().IsMatch(config.StatusCode))
        {
            throw ElbErrors.Validation($"Status code '{config.StatusCode}' must be 2XX, 4XX or 5XX");
        }

        if (config.ContentType is not null && !ContentTypes.Contains(config.ContentType))
        {
            throw ElbErrors.Validation(
                $"Content type '{config.ContentType}' must be one of text/plain, text/css, text/html, application/javascript, application/json");
        }

        if (config.MessageBody is { Length: > 1024 })
        {
            throw ElbErrors.Validation("The message body of a fixed response can be at most 1024 characters");
        }

        return new RuleActionRecord
        {
            Type = FixedResponse,
            Order = action.Order,
            FixedResponse = new FixedResponseRecord(config.StatusCode, config.ContentType, config.MessageBody),
        };
    }

    private static RuleActionRecord ToRedirect(Action action)
    {
        var config = action.RedirectConfig ?? throw ElbErrors.Validation("A redirect action must have a redirect config");
        if (config.StatusCode is not ("HTTP_301" or "HTTP_302"))
        {
            throw ElbErrors.Validation($"Redirect status code '{config.StatusCode}' must be HTTP_301 or HTTP_302");
        }

        if (config.Protocol is not null and not ("HTTP" or "HTTPS" or "#{protocol}"))
        {
            throw ElbErrors.Validation($"Redirect protocol '{config.Protocol}' must be HTTP, HTTPS or #{{protocol}}");
        }

        var redirect = new RedirectRecord
        {
            StatusCode = config.StatusCode,
            Protocol = config.Protocol ?? "#{protocol}",
            Port = config.Port ?? "#{port}",
            Host = config.Host ?? "#{host}",
            Path = config.Path ?? "/#{path}",
            Query = config.Query ?? "#{query}",
        };
        if (redirect with { StatusCode = "HTTP_301" } == new RedirectRecord { StatusCode = "HTTP_301" })
        {
            throw ElbErrors.InvalidAction("The redirect configuration is not valid: it would redirect to the original URL");
        }

        if (!redirect.Path.StartsWith('/'))
        {
            throw ElbErrors.Validation("The redirect path must start with a '/'");
        }

        return new RuleActionRecord { Type = Redirect, Order = action.Order, Redirect = redirect };
    }

    [GeneratedRegex("^[245][0-9][0-9]$")]
    private static partial Regex StatusCodePattern();
}
