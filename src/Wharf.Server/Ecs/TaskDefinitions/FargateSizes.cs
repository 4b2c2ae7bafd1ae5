namespace Wharf.Server.Ecs.TaskDefinitions;

/// <summary>The task cpu/memory pairs Fargate offers (the API reference's table for <c>memory</c>).</summary>
internal static class FargateSizes
{
    public static bool IsValid(int cpu, int memory) => cpu switch
    {
        256 => memory is 512 or 1024 or 2048,
        512 => memory is >= 1024 and <= 4096 && memory % 1024 == 0,
        1024 => memory is >= 2048 and <= 8192 && memory % 1024 == 0,
        2048 => memory is >= 4096 and <= 16384 && memory % 1024 == 0,
        4096 => memory is >= 8192 and <= 30720 && memory % 1024 == 0,
        8192 => memory is >= 16384 and <= 61440 && memory % 4096 == 0,
        16384 => memory is >= 32768 and <= 122880 && memory % 8192 == 0,
        _ => false,
    };
}
