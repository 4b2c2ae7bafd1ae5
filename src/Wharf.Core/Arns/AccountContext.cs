namespace Wharf.Core.Arns;

/// <summary>
/// The region and account this Wharf endpoint pretends to be (<c>WHARF_REGION</c>,
/// <c>WHARF_ACCOUNT_ID</c>). Every ARN Wharf issues carries them, and an ARN naming another region
/// or account is refused.
/// </summary>
/// <param name="Region">An AWS-style region name, e.g. <c>us-east-1</c>.</param>
/// <param name="AccountId">Twelve digits.</param>
public sealed record AccountContext(string Region, string AccountId)
{
    /// <summary>The defaults of a fresh install: <c>us-east-1</c>, account <c>000000000000</c>.</summary>
    public static AccountContext Default { get; } = new("us-east-1", "000000000000");

    /// <summary>The region.</summary>
    public string Region { get; } = IsValidRegion(Region)
        ? Region
        : throw new ArgumentException($"'{Region}' is not a region name such as us-east-1.", nameof(Region));

    /// <summary>The account id.</summary>
    public string AccountId { get; } = IsValidAccountId(AccountId)
        ? AccountId
        : throw new ArgumentException($"'{AccountId}' is not a 12-digit account id.", nameof(AccountId));

    /// <summary>The ARN partition the region belongs to: <c>aws</c>, <c>aws-cn</c> or <c>aws-us-gov</c>.</summary>
    public string Partition => PartitionOf(Region);

    /// <summary>The partition AWS puts a region in.</summary>
    public static string PartitionOf(string region)
    {
        ArgumentNullException.ThrowIfNull(region);
        if (region.StartsWith("cn-", StringComparison.Ordinal))
        {
            return "aws-cn";
        }

        return region.StartsWith("us-gov-", StringComparison.Ordinal) ? "aws-us-gov" : "aws";
    }

    /// <summary>Lower-case letters, digits and hyphens, starting with a letter, at most 32 characters.</summary>
    public static bool IsValidRegion(string? region)
    {
        if (string.IsNullOrEmpty(region) || region.Length > 32 || !char.IsAsciiLetterLower(region[0]))
        {
            return false;
        }

        foreach (var c in region)
        {
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c != '-')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Exactly twelve ASCII digits.</summary>
    public static bool IsValidAccountId(string? accountId)
    {
        if (accountId is null || accountId.Length != 12)
        {
            return false;
        }

        foreach (var c in accountId)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
