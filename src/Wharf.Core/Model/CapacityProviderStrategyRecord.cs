namespace Wharf.Core.Model;

/// <summary>One item of a capacity provider strategy: the provider, its <c>weight</c> and its <c>base</c>.</summary>
public sealed record CapacityProviderStrategyRecord(string CapacityProvider, int Weight, int Base);
