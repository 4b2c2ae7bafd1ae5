using System.Net;
using ARSoft.Tools.Net;
using ARSoft.Tools.Net.Dns;
using Wharf.Discovery.Server;
using Wharf.Discovery.Zones;
using Xunit;
using static Wharf.Discovery.Tests.Registrations;

namespace Wharf.Discovery.Tests.Server;

public sealed class BalancerAnswerTests
{
    private const string Name = "web-1234567890.us-east-1.elb.localhost";
    private static readonly IPAddress Gateway = IPAddress.Parse("172.17.0.1");
    private static readonly ZoneSnapshot Snapshot = ZoneBuilder.Build([Namespace()], [Service("redis")], [Instance("t1", "10.0.0.1")], 4, ["Web-1234567890.US-East-1.elb.localhost."]);

    private static DnsMessage Query(string name, RecordType type, RecordClass recordClass = RecordClass.INet)
    {
        var query = new DnsMessage { TransactionID = 9, IsRecursionDesired = true };
        query.Questions.Add(new DnsQuestion(DomainName.Parse(name), type, recordClass));
        return query;
    }

    [Fact]
    public void Answer_BalancerA_AddressGivenWithElbTtlAuthoritatively()
    {
        var response = ZoneResponder.Answer(Query(Name, RecordType.A), Snapshot, new Random(1), Gateway)!;

        Assert.Equal(ReturnCode.NoError, response.ReturnCode);
        Assert.True(response.IsAuthoritiveAnswer);
        var a = Assert.IsType<ARecord>(Assert.Single(response.AnswerRecords));
        Assert.Equal(Gateway, a.Address);
        Assert.Equal(ZoneResponder.BalancerTtl, a.TimeToLive);
        Assert.Equal(Name, ZoneResponder.NameOf(a.Name));
    }

    [Fact]
    public void Answer_BalancerNameInOtherCase_Answered()
    {
        var response = ZoneResponder.Answer(Query(Name.ToUpperInvariant(), RecordType.A), Snapshot, new Random(1), IPAddress.Loopback)!;

        Assert.Equal(IPAddress.Loopback, Assert.IsType<ARecord>(Assert.Single(response.AnswerRecords)).Address);
    }

    [Theory]
    [InlineData(RecordType.Aaaa)]
    [InlineData(RecordType.Mx)]
    [InlineData(RecordType.Txt)]
    public void Answer_BalancerOtherType_NoDataNotNxDomain(RecordType type)
    {
        var response = ZoneResponder.Answer(Query(Name, type), Snapshot, new Random(1), Gateway)!;

        Assert.Equal(ReturnCode.NoError, response.ReturnCode);
        Assert.True(response.IsAuthoritiveAnswer);
        Assert.Empty(response.AnswerRecords);
    }

    [Fact]
    public void Answer_BalancerWithoutReachableAddress_NoData()
    {
        var response = ZoneResponder.Answer(Query(Name, RecordType.A), Snapshot, new Random(1), balancerAddress: null)!;

        Assert.Equal(ReturnCode.NoError, response.ReturnCode);
        Assert.Empty(response.AnswerRecords);
    }

    [Fact]
    public void Answer_BalancerChaosClass_Refused()
    {
        var response = ZoneResponder.Answer(Query(Name, RecordType.A, RecordClass.Chaos), Snapshot, new Random(1), Gateway)!;

        Assert.Equal(ReturnCode.Refused, response.ReturnCode);
    }

    [Fact]
    public void Answer_OtherNameUnderElbDomain_LeftToForwarding()
    {
        Assert.Null(ZoneResponder.Answer(Query("gone-1.us-east-1.elb.localhost", RecordType.A), Snapshot, new Random(1), Gateway));
    }

    [Fact]
    public void Answer_NamespaceNames_StillAnsweredBesideBalancers()
    {
        var response = ZoneResponder.Answer(Query("redis.internal-bookingapp.com", RecordType.A), Snapshot, new Random(1), Gateway)!;

        Assert.Equal(IPAddress.Parse("10.0.0.1"), Assert.IsType<ARecord>(Assert.Single(response.AnswerRecords)).Address);
    }

    [Theory]
    [InlineData("127.0.0.1", "172.17.0.1", "127.0.0.1")]
    [InlineData("127.0.0.53", "172.17.0.1", "127.0.0.1")]
    [InlineData("::1", "172.17.0.1", "127.0.0.1")]
    [InlineData("::ffff:127.0.0.1", null, "127.0.0.1")]
    [InlineData("172.17.0.5", "172.17.0.1", "172.17.0.1")]
    [InlineData("::ffff:172.17.0.5", "172.17.0.1", "172.17.0.1")]
    [InlineData("10.1.2.3", null, null)]
    public void BalancerAddressFor_Asker_LoopbackOrTheAddressItReachesUsAt(string asker, string? reachable, string? expected)
    {
        var address = BalancerAddress.For(new IPEndPoint(IPAddress.Parse(asker), 40000), reachable is null ? null : IPAddress.Parse(reachable));

        Assert.Equal(expected, address?.ToString());
    }
}
