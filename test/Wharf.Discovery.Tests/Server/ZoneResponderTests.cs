using ARSoft.Tools.Net;
using ARSoft.Tools.Net.Dns;
using Wharf.Core.Model;
using Wharf.Discovery.Server;
using Wharf.Discovery.Zones;
using Xunit;
using static Wharf.Discovery.Tests.Registrations;

namespace Wharf.Discovery.Tests.Server;

public sealed class ZoneResponderTests
{
    private static readonly ZoneSnapshot Snapshot = ZoneBuilder.Build(
        [Namespace()],
        [
            Service("redis", records: [new DiscoveryDnsRecord("A", 30), new DiscoveryDnsRecord("SRV", 30)]),
            Service("web", "WEIGHTED", "srv-2", records: [new DiscoveryDnsRecord("AAAA", 10)]),
        ],
        [
            Instance("t1", "10.0.0.1", 6379),
            Instance("t2", "10.0.0.2", 6380, health: "UNHEALTHY"),
            Instance("w1", ipv6: "fd00::1", service: "srv-2"),
        ],
        3);

    private static DnsMessage Query(string name, RecordType type, RecordClass recordClass = RecordClass.INet)
    {
        var query = new DnsMessage { TransactionID = 77, IsRecursionDesired = true };
        query.Questions.Add(new DnsQuestion(DomainName.Parse(name), type, recordClass));
        return query;
    }

    private static DnsMessage Answer(DnsMessage query) => ZoneResponder.Answer(query, Snapshot, new Random(1))!;

    [Fact]
    public void Answer_ServiceA_ReturnsHealthyAddressesAuthoritativelyWithTtl()
    {
        var response = Answer(Query("Redis.Internal-BookingApp.com", RecordType.A));

        Assert.Equal(ReturnCode.NoError, response.ReturnCode);
        Assert.True(response.IsAuthoritiveAnswer);
        Assert.Equal(77, response.TransactionID);
        var a = Assert.IsType<ARecord>(Assert.Single(response.AnswerRecords));
        Assert.Equal("10.0.0.1", a.Address.ToString());
        Assert.Equal(30, a.TimeToLive);
    }

    [Fact]
    public void Answer_ServiceSrv_ReturnsPortAndTargetWithAdditionalAddress()
    {
        var response = Answer(Query("redis.internal-bookingapp.com", RecordType.Srv));

        var srv = Assert.IsType<SrvRecord>(Assert.Single(response.AnswerRecords));
        Assert.Equal(6379, srv.Port);
        Assert.Equal("t1.redis.internal-bookingapp.com", ZoneResponder.NameOf(srv.Target));
        var extra = Assert.IsType<ARecord>(Assert.Single(response.AdditionalRecords));
        Assert.Equal("10.0.0.1", extra.Address.ToString());
    }

    [Fact]
    public void Answer_InstanceHost_ReturnsItsAddress()
    {
        var response = Answer(Query("t2.redis.internal-bookingapp.com", RecordType.A));

        Assert.Equal("10.0.0.2", Assert.IsType<ARecord>(Assert.Single(response.AnswerRecords)).Address.ToString());
    }

    [Fact]
    public void Answer_Aaaa_ReturnsIpv6()
    {
        var response = Answer(Query("web.internal-bookingapp.com", RecordType.Aaaa));

        var aaaa = Assert.IsType<AaaaRecord>(Assert.Single(response.AnswerRecords));
        Assert.Equal("fd00::1", aaaa.Address.ToString());
        Assert.Equal(10, aaaa.TimeToLive);
    }

    [Fact]
    public void Answer_UnknownNameInNamespace_NxDomainWithSoa()
    {
        var response = Answer(Query("nope.internal-bookingapp.com", RecordType.A));

        Assert.Equal(ReturnCode.NxDomain, response.ReturnCode);
        Assert.Empty(response.AnswerRecords);
        var soa = Assert.IsType<SoaRecord>(Assert.Single(response.AuthorityRecords));
        Assert.Equal(3u, soa.SerialNumber);
        Assert.Equal(15, soa.TimeToLive);
    }

    [Fact]
    public void Answer_KnownNameOtherType_NoDataWithSoa()
    {
        var response = Answer(Query("web.internal-bookingapp.com", RecordType.A));

        Assert.Equal(ReturnCode.NoError, response.ReturnCode);
        Assert.Empty(response.AnswerRecords);
        Assert.IsType<SoaRecord>(Assert.Single(response.AuthorityRecords));
    }

    [Fact]
    public void Answer_ApexSoaAndNs_Answered()
    {
        Assert.IsType<SoaRecord>(Assert.Single(Answer(Query("internal-bookingapp.com", RecordType.Soa)).AnswerRecords));
        Assert.IsType<NsRecord>(Assert.Single(Answer(Query("internal-bookingapp.com", RecordType.Ns)).AnswerRecords));
    }

    [Fact]
    public void Answer_NameOutsideNamespaces_NullToForward()
    {
        Assert.Null(ZoneResponder.Answer(Query("example.org", RecordType.A), Snapshot, new Random(1)));
    }

    [Fact]
    public void Answer_TwoQuestions_FormatError()
    {
        var query = Query("redis.internal-bookingapp.com", RecordType.A);
        query.Questions.Add(new DnsQuestion(DomainName.Parse("web.internal-bookingapp.com"), RecordType.A, RecordClass.INet));

        Assert.Equal(ReturnCode.FormatError, Answer(query).ReturnCode);
    }

    [Fact]
    public void Answer_NoQuestion_FormatError()
    {
        Assert.Equal(ReturnCode.FormatError, Answer(new DnsMessage { TransactionID = 1 }).ReturnCode);
    }

    [Fact]
    public void Answer_ChaosClassInNamespace_Refused()
    {
        Assert.Equal(ReturnCode.Refused, Answer(Query("redis.internal-bookingapp.com", RecordType.A, RecordClass.Chaos)).ReturnCode);
    }

    [Fact]
    public void Parse_ResolvConf_ReadsNameserverLines()
    {
        var servers = UpstreamResolvers.Parse("# comment\nsearch lan\nnameserver 192.168.1.1\nnameserver fe80::1%eth0\noptions ndots:5\nnameserver bogus\n");

        Assert.Equal(["192.168.1.1", "fe80::1"], servers.Select(s => s.ToString()));
    }
}
