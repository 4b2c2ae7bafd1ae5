using System.Net;
using System.Net.Sockets;
using ARSoft.Tools.Net;
using ARSoft.Tools.Net.Dns;
using Wharf.Discovery.Routing;
using Wharf.Discovery.Zones;
using Zone = Wharf.Discovery.Zones.Zone;

namespace Wharf.Discovery.Server;

/// <summary>
/// Answers one query from a snapshot: authoritative answers (SOA, NS, A, AAAA, SRV, CNAME) inside a
/// namespace, NXDOMAIN or NODATA with the zone's SOA for names it lacks, FORMERR for a query that is
/// not exactly one question, NOTIMP for other opcodes; a load balancer's DNS name gets an A record
/// with <c>balancerAddress</c> (where its listeners are reachable from the asker) and no other type;
/// null when the name is outside every namespace and no balancer's (the caller forwards it). Pure
/// apart from the injected randomness.
/// </summary>
internal static class ZoneResponder
{
    /// <summary>The TTL of a load balancer's A record, as ELB publishes its names.</summary>
    public const int BalancerTtl = 60;

    public static DnsMessage? Answer(DnsMessage query, ZoneSnapshot snapshot, Random random, IPAddress? balancerAddress = null)
    {
        var response = query.CreateResponseInstance();
        response.IsRecursionAllowed = true;
        if (query.OperationCode != OperationCode.Query)
        {
            response.ReturnCode = ReturnCode.NotImplemented;
            return response;
        }

        if (query.Questions.Count != 1)
        {
            response.ReturnCode = ReturnCode.FormatError;
            return response;
        }

        var question = query.Questions[0];
        var name = NameOf(question.Name);
        if (snapshot.Balancers.Contains(name))
        {
            return AnswerBalancer(response, question, name, balancerAddress);
        }

        var zone = snapshot.FindZone(name);
        if (zone is null)
        {
            return null;
        }

        if (question.RecordClass is not (RecordClass.INet or RecordClass.Any))
        {
            response.ReturnCode = ReturnCode.Refused;
            return response;
        }

        response.IsAuthoritiveAnswer = true;
        var type = question.RecordType;
        if (name == zone.Apex)
        {
            if (type is RecordType.Soa or RecordType.Any)
            {
                response.AnswerRecords.Add(Soa(zone, snapshot.Serial));
            }

            if (type is RecordType.Ns or RecordType.Any)
            {
                response.AnswerRecords.Add(new NsRecord(DomainName.Parse(zone.Apex), zone.SoaTtl, NameServer(zone)));
            }
        }

        if (zone.Names.TryGetValue(name, out var sets))
        {
            foreach (var set in sets)
            {
                if (type == RecordType.Any || TypeOf(set.Type) == type || (set.Type == "CNAME" && type != RecordType.Srv))
                {
                    AddAnswers(response, zone, name, set, random);
                }
            }
        }
        else if (!zone.HasNameAtOrBelow(name))
        {
            response.ReturnCode = ReturnCode.NxDomain;
        }

        if (response.AnswerRecords.Count == 0)
        {
            response.AuthorityRecords.Add(Soa(zone, snapshot.Serial));
        }

        return response;
    }

    private static DnsMessage AnswerBalancer(DnsMessage response, DnsQuestion question, string name, IPAddress? address)
    {
        if (question.RecordClass is not (RecordClass.INet or RecordClass.Any))
        {
            response.ReturnCode = ReturnCode.Refused;
            return response;
        }

        // The name exists whatever the type: other types get NODATA, so stub resolvers asking A and
        // AAAA together take the A answer instead of failing on an NXDOMAIN for AAAA.
        response.IsAuthoritiveAnswer = true;
        if (question.RecordType is RecordType.A or RecordType.Any && address is { AddressFamily: AddressFamily.InterNetwork })
        {
            response.AnswerRecords.Add(new ARecord(DomainName.Parse(name), BalancerTtl, address));
        }

        return response;
    }

    /// <summary>Lowercase labels joined by dots, no trailing dot.</summary>
    public static string NameOf(DomainName name) => string.Join('.', name.Labels).ToLowerInvariant();

    private static void AddAnswers(DnsMessage response, Zone zone, string name, RecordSet set, Random random)
    {
        var owner = DomainName.Parse(name);
        foreach (var value in RecordSelector.Select(set, random))
        {
            switch (set.Type)
            {
                case "A":
                    response.AnswerRecords.Add(new ARecord(owner, set.Ttl, value.Address!));
                    break;
                case "AAAA":
                    response.AnswerRecords.Add(new AaaaRecord(owner, set.Ttl, value.Address!));
                    break;
                case "CNAME":
                    response.AnswerRecords.Add(new CNameRecord(owner, set.Ttl, DomainName.Parse(value.Target!)));
                    break;
                case "SRV":
                    response.AnswerRecords.Add(new SrvRecord(owner, set.Ttl, 1, 1, value.Port, DomainName.Parse(value.Target!)));
                    AddTargetAddresses(response, zone, value.Target!);
                    break;
            }
        }
    }

    private static void AddTargetAddresses(DnsMessage response, Zone zone, string target)
    {
        if (!zone.Names.TryGetValue(target, out var sets))
        {
            return;
        }

        var owner = DomainName.Parse(target);
        foreach (var set in sets)
        {
            foreach (var value in set.Values)
            {
                if (set.Type == "A")
                {
                    response.AdditionalRecords.Add(new ARecord(owner, set.Ttl, value.Address!));
                }
                else if (set.Type == "AAAA")
                {
                    response.AdditionalRecords.Add(new AaaaRecord(owner, set.Ttl, value.Address!));
                }
            }
        }
    }

    private static SoaRecord Soa(Zone zone, uint serial) => new(
        DomainName.Parse(zone.Apex), zone.SoaTtl, NameServer(zone), DomainName.Parse("hostmaster." + zone.Apex), serial,
        7200, 900, 1209600, 86400);

    private static DomainName NameServer(Zone zone) => DomainName.Parse("ns1." + zone.Apex);

    private static RecordType TypeOf(string type) => type switch
    {
        "A" => RecordType.A,
        "AAAA" => RecordType.Aaaa,
        "SRV" => RecordType.Srv,
        "CNAME" => RecordType.CName,
        _ => RecordType.Invalid,
    };
}
