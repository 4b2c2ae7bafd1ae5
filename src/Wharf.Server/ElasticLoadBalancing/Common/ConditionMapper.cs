using System.Net;
using System.Text.RegularExpressions;
using Wharf.Core.Model;
using Wharf.Protocol.Generated.ElasticLoadBalancingV2;

namespace Wharf.Server.ElasticLoadBalancing.Common;

/// <summary>
/// Checks rule conditions as ELBv2 does (fields, value syntax, at most five values per rule, one
/// condition per field except http-header and query-string) and converts them both ways.
/// </summary>
internal static partial class ConditionMapper
{
    public const string PathPattern = "path-pattern";
    public const string HostHeader = "host-header";
    public const string HttpHeader = "http-header";
    public const string QueryString = "query-string";
    public const string HttpRequestMethod = "http-request-method";
    public const string SourceIp = "source-ip";

    private const int MaxValuesPerRule = 5;

    public static IReadOnlyList<RuleConditionRecord> ToRecords(IReadOnlyList<RuleCondition>? conditions)
    {
        if (conditions is null || conditions.Count == 0)
        {
            throw ElbErrors.Validation("A rule must have at least one condition");
        }

        var records = new List<RuleConditionRecord>(conditions.Count);
        var seenFields = new HashSet<string>(StringComparer.Ordinal);
        foreach (var condition in conditions)
        {
            var record = ToRecord(condition);
            if (record.Field is not (HttpHeader or QueryString) && !seenFields.Add(record.Field))
            {
                throw ElbErrors.Validation($"A rule can have only one '{record.Field}' condition");
            }

            records.Add(record);
        }

        var total = records.Sum(r => Math.Max(r.Values.Count, r.QueryStrings.Count));
        if (total > MaxValuesPerRule)
        {
            throw ElbErrors.Validation($"A rule can have at most {MaxValuesPerRule} condition values; {total} were given");
        }

        return records;
    }

    public static RuleCondition ToWire(RuleConditionRecord record)
    {
        var values = record.Values.ToList();
        var wire = new RuleCondition { Field = record.Field };
        switch (record.Field)
        {
            case PathPattern:
                wire.Values = values;
                wire.PathPatternConfig = new PathPatternConditionConfig { Values = values };
                break;
            case HostHeader:
                wire.Values = values;
                wire.HostHeaderConfig = new HostHeaderConditionConfig { Values = values };
                break;
            case HttpHeader:
                wire.HttpHeaderConfig = new HttpHeaderConditionConfig { HttpHeaderName = record.HeaderName, Values = values };
                break;
            case QueryString:
                wire.QueryStringConfig = new QueryStringConditionConfig
                {
                    Values = record.QueryStrings.Select(q => new QueryStringKeyValuePair { Key = q.Key, Value = q.Value }).ToList(),
                };
                break;
            case HttpRequestMethod:
                wire.HttpRequestMethodConfig = new HttpRequestMethodConditionConfig { Values = values };
                break;
            default:
                wire.SourceIpConfig = new SourceIpConditionConfig { Values = values };
                break;
        }

        return wire;
    }

    private static RuleConditionRecord ToRecord(RuleCondition condition)
    {
        switch (condition.Field)
        {
            case PathPattern:
                return Simple(PathPattern, Values(condition.Values, condition.PathPatternConfig?.Values, PathPattern), ValidatePattern);
            case HostHeader:
                return Simple(HostHeader, Values(condition.Values, condition.HostHeaderConfig?.Values, HostHeader), ValidatePattern);
            case HttpHeader:
                var header = condition.HttpHeaderConfig ?? throw ElbErrors.Validation("An http-header condition must have an HttpHeaderConfig");
                if (string.IsNullOrEmpty(header.HttpHeaderName) || header.HttpHeaderName.Length > 40 || !HeaderName().IsMatch(header.HttpHeaderName))
                {
                    throw ElbErrors.Validation($"HTTP header name '{header.HttpHeaderName}' is not valid");
                }

                return Simple(HttpHeader, Values(null, header.Values, HttpHeader), ValidatePattern) with { HeaderName = header.HttpHeaderName };
            case QueryString:
                var pairs = condition.QueryStringConfig?.Values;
                if (pairs is null || pairs.Count == 0)
                {
                    throw ElbErrors.Validation("A query-string condition must have at least one key/value pair");
                }

                if (pairs.Any(p => string.IsNullOrEmpty(p.Value)))
                {
                    throw ElbErrors.Validation("Each query-string condition pair must have a value");
                }

                return new RuleConditionRecord { Field = QueryString, QueryStrings = pairs.Select(p => new QueryStringPair(p.Key, p.Value!)).ToList() };
            case HttpRequestMethod:
                return Simple(HttpRequestMethod, Values(null, condition.HttpRequestMethodConfig?.Values, HttpRequestMethod), v =>
                {
                    if (v.Length > 40 || !MethodName().IsMatch(v))
                    {
                        throw ElbErrors.Validation($"HTTP request method '{v}' is not valid: use A-Z, '-' and '_'");
                    }
                });
            case SourceIp:
                return Simple(SourceIp, Values(null, condition.SourceIpConfig?.Values, SourceIp), v =>
                {
                    if (!IPNetwork.TryParse(v, out _))
                    {
                        throw ElbErrors.Validation($"Source IP '{v}' is not a valid CIDR block");
                    }
                });
            default:
                throw ElbErrors.Validation(
                    $"Condition field '{condition.Field}' must be one of [http-header, http-request-method, host-header, path-pattern, query-string, source-ip]");
        }
    }

    private static List<string> Values(List<string>? plain, List<string>? configured, string field)
    {
        if (plain is { Count: > 0 } && configured is { Count: > 0 })
        {
            throw ElbErrors.Validation($"You cannot specify both Values and a config for a '{field}' condition");
        }

        var values = plain is { Count: > 0 } ? plain : configured;
        if (values is null || values.Count == 0)
        {
            throw ElbErrors.Validation($"A '{field}' condition must have at least one value");
        }

        return values;
    }

    private static RuleConditionRecord Simple(string field, List<string> values, Action<string> validate)
    {
        foreach (var value in values)
        {
            validate(value);
        }

        return new RuleConditionRecord { Field = field, Values = values };
    }

    private static void ValidatePattern(string value)
    {
        if (value.Length is 0 or > 128)
        {
            throw ElbErrors.Validation($"Condition value '{value}' must be 1 to 128 characters");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9!#$%&'*+.^_`|~-]+$")]
    private static partial Regex HeaderName();

    [GeneratedRegex("^[A-Z_-]+$")]
    private static partial Regex MethodName();
}
