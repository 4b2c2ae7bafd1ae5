namespace Wharf.Server.Logs.FilterPatterns;

/// <summary>
/// A parsed filter pattern over unstructured log events: every required term appears, no
/// excluded term appears, and, when there are optional (<c>?</c>) terms, at least one of them
/// appears. The empty pattern (or <c>""</c>) matches every event.
/// </summary>
internal sealed class FilterPattern(IReadOnlyList<FilterTerm> terms)
{
    public static FilterPattern All { get; } = new([]);

    public IReadOnlyList<FilterTerm> Terms { get; } = terms;

    public bool Matches(string message)
    {
        var anyOptional = false;
        var optionalHit = false;
        foreach (var term in Terms)
        {
            switch (term.Kind)
            {
                case FilterTermKind.Required when !term.Occurs(message):
                    return false;
                case FilterTermKind.Excluded when term.Occurs(message):
                    return false;
                case FilterTermKind.Optional:
                    anyOptional = true;
                    optionalHit = optionalHit || term.Occurs(message);
                    break;
            }
        }

        return !anyOptional || optionalHit;
    }
}
