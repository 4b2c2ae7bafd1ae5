using System.Diagnostics.CodeAnalysis;

namespace Wharf.Core.Arns;

/// <summary>
/// Any ARN, split into its six fields, with no judgement about what it names; see
/// <see cref="ArnParser"/> for ECS ARNs checked against this endpoint's region and account.
/// </summary>
/// <param name="Partition">e.g. <c>aws</c>.</param>
/// <param name="Service">e.g. <c>ecs</c>.</param>
/// <param name="Region">May be empty for global services.</param>
/// <param name="AccountId">May be empty for some services.</param>
/// <param name="Resource">Everything after the fifth colon, e.g. <c>task-definition/web:3</c>.</param>
public sealed record Arn(string Partition, string Service, string Region, string AccountId, string Resource)
{
    /// <summary>The literal every ARN starts with.</summary>
    public const string Scheme = "arn:";

    /// <summary>
    /// The resource type: the part of <see cref="Resource"/> before the first <c>/</c> (or <c>:</c>),
    /// e.g. <c>task</c>; empty when the resource has neither separator.
    /// </summary>
    public string ResourceType
    {
        get
        {
            var end = Resource.AsSpan().IndexOfAny('/', ':');
            return end < 0 ? string.Empty : Resource[..end];
        }
    }

    /// <summary>True when <paramref name="value"/> starts with <c>arn:</c>, i.e. it is meant as an ARN, not a name.</summary>
    public static bool LooksLikeArn([NotNullWhen(true)] string? value) =>
        value is not null && value.StartsWith(Scheme, StringComparison.Ordinal);

    /// <summary>
    /// Splits an ARN. False when it does not start with <c>arn:</c>, has fewer than six fields, or has
    /// an empty partition, service or resource.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? value, [NotNullWhen(true)] out Arn? arn)
    {
        arn = null;
        if (!LooksLikeArn(value))
        {
            return false;
        }

        var fields = value.Split(':', 6);
        if (fields.Length != 6 || fields[1].Length == 0 || fields[2].Length == 0 || fields[5].Length == 0)
        {
            return false;
        }

        arn = new Arn(fields[1], fields[2], fields[3], fields[4], fields[5]);
        return true;
    }

    /// <summary>Splits an ARN or throws <see cref="InvalidArnException"/>.</summary>
    public static Arn Parse(string value) =>
        TryParse(value, out var arn)
            ? arn
            : throw new InvalidArnException(ArnErrors.Malformed(value));

    /// <summary>The ARN text.</summary>
    public override string ToString() => $"arn:{Partition}:{Service}:{Region}:{AccountId}:{Resource}";
}
