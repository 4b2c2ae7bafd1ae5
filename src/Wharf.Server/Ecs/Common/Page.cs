namespace Wharf.Server.Ecs.Common;

/// <summary>One page of a listing and the token of the next one (null on the last page).</summary>
internal sealed record Page<T>(IReadOnlyList<T> Items, string? NextToken);
