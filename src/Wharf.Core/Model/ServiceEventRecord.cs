namespace Wharf.Core.Model;

/// <summary>One service event (ECS <c>ServiceEvent</c>).</summary>
public sealed record ServiceEventRecord(string Id, DateTimeOffset CreatedAt, string Message);
