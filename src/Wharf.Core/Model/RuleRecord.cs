namespace Wharf.Core.Model;

/// <summary>A non-default listener rule: all its conditions must hold for its actions to run.</summary>
public sealed record RuleRecord
{
    public required string Arn { get; init; }
    public required string ListenerArn { get; init; }
    /// <summary>1–50000; lower is evaluated first.</summary>
    public required int Priority { get; init; }
    public required IReadOnlyList<RuleConditionRecord> Conditions { get; init; }
    public required IReadOnlyList<RuleActionRecord> Actions { get; init; }
}

/// <summary>
/// One rule condition. <see cref="Field"/> is path-pattern, host-header, http-header, query-string,
/// http-request-method or source-ip; <see cref="Values"/> are ORed.
/// </summary>
public sealed record RuleConditionRecord
{
    public required string Field { get; init; }
    public IReadOnlyList<string> Values { get; init; } = [];
    /// <summary>The header name of an http-header condition.</summary>
    public string? HeaderName { get; init; }
    /// <summary>The pairs of a query-string condition (a null key matches any key).</summary>
    public IReadOnlyList<QueryStringPair> QueryStrings { get; init; } = [];
}

/// <summary>A query-string condition pair; a null key matches the value under any key.</summary>
public sealed record QueryStringPair(string? Key, string Value);

/// <summary>One action of a rule: forward, fixed-response or redirect.</summary>
public sealed record RuleActionRecord
{
    public required string Type { get; init; }
    public int? Order { get; init; }
    /// <summary>The single target group of a simple forward (as given with <c>TargetGroupArn</c>).</summary>
    public string? TargetGroupArn { get; init; }
    /// <summary>The weighted target groups of a forward (<c>ForwardConfig</c>).</summary>
    public IReadOnlyList<WeightedTargetGroup> TargetGroups { get; init; } = [];
    public bool StickinessEnabled { get; init; }
    public int? StickinessDurationSeconds { get; init; }
    public FixedResponseRecord? FixedResponse { get; init; }
    public RedirectRecord? Redirect { get; init; }
}

/// <summary>A target group of a weighted forward.</summary>
public sealed record WeightedTargetGroup(string TargetGroupArn, int Weight);

/// <summary>A fixed response: status code, content type and body.</summary>
public sealed record FixedResponseRecord(string StatusCode, string? ContentType, string? MessageBody);

/// <summary>A redirect; each part may use #{protocol}, #{host}, #{port}, #{path}, #{query}.</summary>
public sealed record RedirectRecord
{
    public string Protocol { get; init; } = "#{protocol}";
    public string Port { get; init; } = "#{port}";
    public string Host { get; init; } = "#{host}";
    public string Path { get; init; } = "/#{path}";
    public string Query { get; init; } = "#{query}";
    /// <summary>HTTP_301 or HTTP_302.</summary>
    public required string StatusCode { get; init; }
}
