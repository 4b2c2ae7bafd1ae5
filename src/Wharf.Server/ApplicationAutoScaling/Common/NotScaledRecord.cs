namespace Wharf.Server.ApplicationAutoScaling.Common;

/// <summary>
/// Why a policy execution made no change (a <c>NotScaledReason</c>): <c>AlreadyAtMaxCapacity</c>
/// with the maximum, or <c>AlreadyAtMinCapacity</c> with the minimum, and the current capacity.
/// </summary>
internal sealed record NotScaledRecord(string Code, int? MinCapacity, int? MaxCapacity, int CurrentCapacity);
