namespace Wharf.Core.Model;

/// <summary>
/// Wharf's own Fargate capacity: agents registered with <c>capacity: FARGATE</c> join a pool that
/// belongs to no cluster (its name is not a valid cluster name, so no cluster can take it) and run
/// the FARGATE tasks of every cluster.
/// </summary>
public static class FargateCapacity
{
    /// <summary>The pool's name in container instance ARNs and its store partition.</summary>
    public const string PoolName = "wharf.fargate";

    public const string LaunchType = "FARGATE";

    public const string Fargate = "FARGATE";

    public const string FargateSpot = "FARGATE_SPOT";

    /// <summary>What DescribeTasks reports as <c>platformVersion</c> (the current Linux platform version).</summary>
    public const string PlatformVersion = "1.4.0";

    public const string PlatformFamily = "Linux";

    /// <summary>What a service shows when it names no platform version.</summary>
    public const string Latest = "LATEST";

    /// <summary>The Linux platform versions Fargate offers (<c>LATEST</c> is 1.4.0).</summary>
    public static readonly IReadOnlyList<string> PlatformVersions = [Latest, PlatformVersion, "1.3.0"];

    /// <summary>The version a task runs on when <paramref name="asked"/> was asked for (none or LATEST: the current one).</summary>
    public static string Resolve(string? asked) => asked is null or Latest ? PlatformVersion : asked;

    /// <summary>Whether <paramref name="provider"/> is one of the two Fargate capacity providers.</summary>
    public static bool IsProvider(string? provider) => provider is Fargate or FargateSpot;
}
