using Wharf.Protocol.Errors;
using Wharf.Server.Ecs.Common;
using Xunit;

namespace Wharf.Server.Tests.Ecs.Common;

public sealed class PageTokenTests
{
    private static readonly string[] Keys = ["a", "b", "c", "d", "e"];

    [Fact]
    public void Slice_WalkedPageByPage_ReturnsEveryItemOnceThenNoToken()
    {
        var seen = new List<string>();
        string? token = null;
        do
        {
            var page = PageToken.Slice(Keys, k => k, "Scope", token, 2);
            seen.AddRange(page.Items);
            token = page.NextToken;
        }
        while (token is not null);

        Assert.Equal(Keys, seen);
    }

    [Fact]
    public void Slice_ExactlyOnePageOfItems_GivesNoNextToken()
    {
        var page = PageToken.Slice(Keys, k => k, "Scope", null, 5);

        Assert.Equal(5, page.Items.Count);
        Assert.Null(page.NextToken);
    }

    [Fact]
    public void Slice_ItemOfTokenDeletedMeanwhile_ContinuesAfterItsKey()
    {
        var token = PageToken.Encode("Scope", "b");

        var page = PageToken.Slice(["a", "c", "d"], k => k, "Scope", token, 10);

        Assert.Equal(["c", "d"], page.Items);
    }

    [Fact]
    public void Slice_Descending_ContinuesBelowTheTokenKey()
    {
        var token = PageToken.Encode("Scope", "c");

        var page = PageToken.Slice(["e", "d", "b", "a"], k => k, "Scope", token, 10, descending: true);

        Assert.Equal(["b", "a"], page.Items);
    }

    [Fact]
    public void Decode_TokenOfAnotherListing_IsInvalidParameter()
    {
        var token = PageToken.Encode("ListClusters", "a");

        var error = Assert.Throws<AwsServiceException>(() => PageToken.Decode(token, "ListTaskDefinitions"));

        Assert.Equal("InvalidParameterException", error.Code);
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("dGhpcyBpcyBub3QgYSB0b2tlbg")]
    public void Decode_ForeignToken_IsInvalidParameter(string token)
    {
        var error = Assert.Throws<AwsServiceException>(() => PageToken.Decode(token, "Scope"));

        Assert.Equal("InvalidParameterException", error.Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    [InlineData(-5)]
    public void MaxResults_OutsideOneToHundred_IsInvalidParameter(int value)
    {
        var error = Assert.Throws<AwsServiceException>(() => PageToken.MaxResults(value));

        Assert.Equal("InvalidParameterException", error.Code);
    }

    [Fact]
    public void MaxResults_Omitted_IsHundred() => Assert.Equal(100, PageToken.MaxResults(null));
}
