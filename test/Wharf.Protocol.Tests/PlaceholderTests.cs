namespace Wharf.Protocol.Tests;
public sealed class PlaceholderTests { [Xunit.Fact] public void Build_Compiles_True() => Xunit.Assert.True(true); }
