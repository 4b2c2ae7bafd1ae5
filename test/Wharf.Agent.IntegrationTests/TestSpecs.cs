using Wharf.Protocol.AgentChannel;

namespace Wharf.Agent.IntegrationTests;

/// <summary>Task definitions over the busybox test image; every container carries the suite's cleanup label.</summary>
internal static class TestSpecs
{
    public static ContainerSpec Container(string name, params string[] command) => new()
    {
        Name = name,
        Image = DockerFixture.Image,
        Cpu = 64,
        Memory = 64,
        MemoryReservation = 32,
        Command = command.Length == 0 ? null : command,
        DockerLabels = new Dictionary<string, string> { [DockerFixture.TestLabel] = DockerFixture.TestLabelValue },
    };

    public static TaskSpec Task(params ContainerSpec[] containers) => new()
    {
        TaskArn = $"arn:aws:ecs:us-east-1:000000000000:task/agent-it/{Guid.NewGuid():N}",
        ClusterArn = "arn:aws:ecs:us-east-1:000000000000:cluster/agent-it",
        Family = "agent-it",
        Revision = 1,
        DesiredStatus = "RUNNING",
        Containers = containers,
    };

    public static DesiredTasks Desired(long generation, params TaskSpec[] tasks) => new() { Generation = generation, Tasks = tasks };
}
