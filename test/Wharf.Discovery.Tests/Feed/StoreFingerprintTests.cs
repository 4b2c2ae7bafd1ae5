using Wharf.Discovery.Feed;
using Wharf.Storage;
using Xunit;

namespace Wharf.Discovery.Tests.Feed;

public sealed class StoreFingerprintTests
{
    private static StoredDocument Doc(string key, long version, string kind = "sd-instance") => new(kind, key, "", version, "{}");

    [Fact]
    public void Of_SameKeysAndVersions_Equal()
    {
        Assert.Equal(StoreFingerprint.Of([[Doc("a", 1), Doc("b", 2)]]), StoreFingerprint.Of([[Doc("a", 1), Doc("b", 2)]]));
    }

    [Fact]
    public void Of_VersionBumped_Differs()
    {
        Assert.NotEqual(StoreFingerprint.Of([[Doc("a", 1)]]), StoreFingerprint.Of([[Doc("a", 2)]]));
    }

    [Fact]
    public void Of_DocumentRemoved_Differs()
    {
        Assert.NotEqual(StoreFingerprint.Of([[Doc("a", 1), Doc("b", 1)]]), StoreFingerprint.Of([[Doc("a", 1)]]));
    }

    [Fact]
    public void Of_DocumentMovedToAnotherList_Differs()
    {
        Assert.NotEqual(StoreFingerprint.Of([[Doc("a", 1)], []]), StoreFingerprint.Of([[], [Doc("a", 1)]]));
    }
}
