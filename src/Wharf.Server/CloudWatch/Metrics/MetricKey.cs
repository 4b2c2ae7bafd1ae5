namespace Wharf.Server.CloudWatch.Metrics;

/// <summary>
/// One CloudWatch metric: namespace, name and dimensions. Dimensions are kept sorted by name
/// (ordinal), so two keys with the same dimensions in a different order are equal.
/// </summary>
internal sealed record MetricKey
{
    public MetricKey(string @namespace, string metricName, IEnumerable<KeyValuePair<string, string>> dimensions)
    {
        Namespace = @namespace;
        MetricName = metricName;
        Dimensions = dimensions.OrderBy(d => d.Key, StringComparer.Ordinal).ToList();
    }

    public string Namespace { get; }

    public string MetricName { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Dimensions { get; }

    public bool Equals(MetricKey? other) =>
        other is not null
        && Namespace == other.Namespace
        && MetricName == other.MetricName
        && Dimensions.SequenceEqual(other.Dimensions);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Namespace);
        hash.Add(MetricName);
        foreach (var dimension in Dimensions)
        {
            hash.Add(dimension.Key);
            hash.Add(dimension.Value);
        }

        return hash.ToHashCode();
    }
}
