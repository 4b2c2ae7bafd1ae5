using System.Diagnostics.CodeAnalysis;
using Wharf.Protocol.Errors;

namespace Wharf.Protocol.Auth;

/// <summary>The outcome of <see cref="SigV4Verifier.Verify"/>: who signed, for which region and service; or the error to answer.</summary>
public sealed record SigV4Result
{
    /// <summary>The verified access key id.</summary>
    public string? AccessKeyId { get; init; }

    /// <summary>The region of the credential scope.</summary>
    public string? Region { get; init; }

    /// <summary>The service of the credential scope (the signing name, e.g. <c>ecs</c>, <c>elasticloadbalancing</c>).</summary>
    public string? Service { get; init; }

    /// <summary>The error to answer when verification failed.</summary>
    public AwsServiceException? Error { get; init; }

    /// <summary>Whether the signature is valid.</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;

    internal static SigV4Result Fail(AwsServiceException error) => new() { Error = error };
}
