namespace Wharf.Cli;

/// <summary>
/// The few flags the verbs take: <c>--name value</c>, <c>--name=value</c>, repeatable ones
/// (e.g. <c>--attribute k=v</c>) and boolean switches. Each flag falls back to an environment
/// variable and then to a default.
/// </summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, List<string>> values = new(StringComparer.Ordinal);

    public CommandLine(IEnumerable<string> args)
    {
        string? pending = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (pending is not null)
                {
                    Add(pending, "true");
                }

                var eq = arg.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0)
                {
                    Add(arg[2..eq], arg[(eq + 1)..]);
                    pending = null;
                }
                else
                {
                    pending = arg[2..];
                }
            }
            else if (pending is not null)
            {
                Add(pending, arg);
                pending = null;
            }
            else
            {
                throw new ArgumentException($"Unexpected argument '{arg}'.");
            }
        }

        if (pending is not null)
        {
            Add(pending, "true");
        }
    }

    public string? Get(string name, string? environmentVariable = null, string? fallback = null) =>
        values.TryGetValue(name, out var list) ? list[^1]
        : environmentVariable is not null && Environment.GetEnvironmentVariable(environmentVariable) is { Length: > 0 } env ? env
        : fallback;

    public int GetInt(string name, string? environmentVariable, int fallback)
    {
        var text = Get(name, environmentVariable);
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, out var value) ? value : throw new ArgumentException($"--{name} must be a number, not '{text}'.");
    }

    public IReadOnlyList<string> GetAll(string name) => values.TryGetValue(name, out var list) ? list : [];

    public bool Has(string name) => values.ContainsKey(name);

    private void Add(string name, string value)
    {
        if (!values.TryGetValue(name, out var list))
        {
            values[name] = list = [];
        }

        list.Add(value);
    }
}
