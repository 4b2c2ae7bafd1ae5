using System.Security.Cryptography;

namespace Wharf.Server.CloudMap.Common;

/// <summary>Cloud Map ids and ARNs: <c>ns-…</c>, <c>srv-…</c>, operation ids, hosted zone ids.</summary>
internal sealed class CloudMapNames(WharfServerOptions options)
{
    private const string Base32 = "abcdefghijklmnopqrstuvwxyz234567";

    public string AccountId => options.AccountId;

    public string NamespaceArn(string id) => $"arn:aws:servicediscovery:{options.Region}:{options.AccountId}:namespace/{id}";

    public string ServiceArn(string id) => $"arn:aws:servicediscovery:{options.Region}:{options.AccountId}:service/{id}";

    /// <summary>The id at the end of a Cloud Map ARN, or the value itself when it is no ARN.</summary>
    public static string IdOf(string idOrArn) =>
        idOrArn.StartsWith("arn:", StringComparison.Ordinal) ? idOrArn[(idOrArn.LastIndexOf('/') + 1)..] : idOrArn;

    public static string NewNamespaceId() => "ns-" + Random(16);

    public static string NewServiceId() => "srv-" + Random(16);

    /// <summary>As Cloud Map's: 32 base32 characters, a dash and 8 more.</summary>
    public static string NewOperationId() => Random(32) + "-" + Random(8);

    public static string NewHostedZoneId() => "Z" + Random(20).ToUpperInvariant();

    private static string Random(int length)
    {
        var bytes = RandomNumberGenerator.GetBytes(length);
        return string.Create(length, bytes, static (span, b) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Base32[b[i] & 31];
            }
        });
    }
}
