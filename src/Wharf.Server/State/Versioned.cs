namespace Wharf.Server.State;

/// <summary>A record with the store version it was read at (the version a write must expect).</summary>
internal sealed record Versioned<T>(T Value, long Version, string Key);
