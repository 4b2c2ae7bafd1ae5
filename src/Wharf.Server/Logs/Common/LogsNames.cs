namespace Wharf.Server.Logs.Common;

/// <summary>ARNs of log groups and streams in the server's region and account.</summary>
internal sealed class LogsNames(WharfServerOptions options)
{
    public string Region => options.Region;

    public string AccountId => options.AccountId;

    /// <summary><c>arn:aws:logs:us-east-1:000000000000:log-group:NAME</c> (<c>logGroupArn</c>, and what tagging takes).</summary>
    public string GroupArn(string group) => $"arn:aws:logs:{options.Region}:{options.AccountId}:log-group:{group}";

    /// <summary>The same with <c>:*</c>, as DescribeLogGroups' <c>arn</c> shows it.</summary>
    public string GroupArnWildcard(string group) => GroupArn(group) + ":*";

    public string StreamArn(string group, string stream) => $"{GroupArn(group)}:log-stream:{stream}";

    /// <summary>
    /// The group a <c>logGroupIdentifier</c> or tagging ARN names: a plain name, or a log-group
    /// ARN of this region and account (with or without <c>:*</c>). Null when it names nothing here.
    /// </summary>
    public string? GroupFromIdentifier(string identifier)
    {
        if (!identifier.StartsWith("arn:", StringComparison.Ordinal))
        {
            return identifier;
        }

        var prefix = $"arn:aws:logs:{options.Region}:{options.AccountId}:log-group:";
        if (!identifier.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var name = identifier[prefix.Length..];
        return name.EndsWith(":*", StringComparison.Ordinal) ? name[..^2] : name;
    }
}
