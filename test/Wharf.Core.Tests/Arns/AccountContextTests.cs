using Wharf.Core.Arns;
using Xunit;

namespace Wharf.Core.Tests.Arns;

public sealed class AccountContextTests
{
    [Fact]
    public void Default_FreshInstall_UsEast1AndZeroAccount()
    {
        Assert.Equal("us-east-1", AccountContext.Default.Region);
        Assert.Equal("000000000000", AccountContext.Default.AccountId);
        Assert.Equal("aws", AccountContext.Default.Partition);
    }

    [Theory]
    [InlineData("US-EAST-1")]
    [InlineData("")]
    [InlineData("us_east_1")]
    [InlineData("1us")]
    public void Constructor_BadRegion_Throws(string region) =>
        Assert.Throws<ArgumentException>(() => new AccountContext(region, "000000000000"));

    [Theory]
    [InlineData("12345678901")]
    [InlineData("1234567890123")]
    [InlineData("12345678901a")]
    public void Constructor_BadAccount_Throws(string account) =>
        Assert.Throws<ArgumentException>(() => new AccountContext("us-east-1", account));

    [Fact]
    public void Equality_SameValues_Equal() =>
        Assert.Equal(new AccountContext("us-west-2", "111111111111"), new AccountContext("us-west-2", "111111111111"));
}
