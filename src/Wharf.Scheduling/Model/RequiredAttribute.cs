namespace Wharf.Scheduling.Model;

/// <summary>
/// An attribute a task definition requires of its instance (<c>requiresAttributes</c>):
/// the name must be present and, when <paramref name="Value"/> is given, carry that value.
/// </summary>
/// <param name="Name">The attribute name.</param>
/// <param name="Value">The required value, or null when only presence is required.</param>
public sealed record RequiredAttribute(string Name, string? Value = null);
