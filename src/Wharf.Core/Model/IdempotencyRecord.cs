namespace Wharf.Core.Model;

/// <summary>What a RunTask/StartTask with a <c>clientToken</c> produced, so a retry returns it again.</summary>
public sealed record IdempotencyRecord
{
    public required string ClientToken { get; init; }
    /// <summary>A hash of the request, to refuse the same token with different parameters.</summary>
    public required string RequestHash { get; init; }
    public required IReadOnlyList<string> TaskArns { get; init; }
    /// <summary>The failures JSON the first call answered.</summary>
    public string? FailuresJson { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
}
