using Wharf.Protocol.Generated.Sts;
using Wharf.Server.Api;
using Wharf.Server.Sts;
using Xunit;

namespace Wharf.Server.Tests.Sts;

public sealed class GetCallerIdentityHandlerTests
{
    [Fact]
    public async Task GetCallerIdentity_AnyAcceptedKey_RootOfConfiguredAccount()
    {
        var options = new WharfServerOptions { DataDirectory = "/nonexistent", AccountId = "111122223333" };
        var result = await new GetCallerIdentityHandler(options).HandleAsync(
            new GetCallerIdentityRequest(), new OperationContext("request-1", "AKIAWHARF0LOCAL0KEY0", "us-east-1"), default);

        Assert.Equal("111122223333", result.Account);
        Assert.Equal("arn:aws:iam::111122223333:root", result.Arn);
        Assert.Equal("111122223333", result.UserId);
    }
}
