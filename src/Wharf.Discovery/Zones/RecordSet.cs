namespace Wharf.Discovery.Zones;

/// <summary>The values of one type published at one name, with the TTL and routing policy of the service.</summary>
/// <param name="Type">A, AAAA, SRV or CNAME.</param>
/// <param name="Ttl">Seconds.</param>
/// <param name="RoutingPolicy">MULTIVALUE or WEIGHTED.</param>
internal sealed record RecordSet(string Type, int Ttl, string RoutingPolicy, IReadOnlyList<RecordValue> Values);
