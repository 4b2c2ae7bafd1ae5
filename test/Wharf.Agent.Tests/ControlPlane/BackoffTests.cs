using Wharf.Agent.ControlPlane;
using Xunit;

namespace Wharf.Agent.Tests.ControlPlane;

public sealed class BackoffTests
{
    private sealed class FixedRandom(double value) : Random
    {
        public override double NextDouble() => value;
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void Next_GrowsExponentiallyWithinHalfToFullCeiling_UpToTheCap(double draw)
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), new FixedRandom(draw));

        var delays = Enumerable.Range(0, 6).Select(_ => backoff.Next().TotalSeconds).ToList();

        double[] ceilings = [1, 2, 4, 8, 10, 10];
        Assert.Equal(ceilings.Select(c => draw == 0 ? c / 2 : c), delays);
    }

    [Fact]
    public void Reset_StartsOverFromTheInitialDelay()
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), new FixedRandom(1));
        backoff.Next();
        backoff.Next();

        backoff.Reset();

        Assert.Equal(TimeSpan.FromSeconds(1), backoff.Next());
    }

    [Theory]
    [InlineData("http://127.0.0.1:4566", "ws://127.0.0.1:4566/agent/v1/connect")]
    [InlineData("https://wharf.example/base/", "wss://wharf.example/base/agent/v1/connect")]
    [InlineData("ws://10.0.0.1:4566", "ws://10.0.0.1:4566/agent/v1/connect")]
    public void ConnectUri_FromServerUrl_IsTheAgentChannelAddress(string server, string expected) =>
        Assert.Equal(new Uri(expected), WebSocketChannelConnector.ConnectUri(new Uri(server)));
}
