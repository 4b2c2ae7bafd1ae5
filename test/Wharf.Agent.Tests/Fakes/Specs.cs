using Wharf.Protocol.AgentChannel;

namespace Wharf.Agent.Tests.Fakes;

/// <summary>Task definitions for tests.</summary>
internal static class Specs
{
    public const string Cluster = "arn:aws:ecs:us-east-1:000000000000:cluster/stage01";

    public static string Arn(string id = "0123456789abcdef0123456789abcdef") => $"arn:aws:ecs:us-east-1:000000000000:task/stage01/{id}";

    public static ContainerSpec Container(string name, string image = "web:latest") => new()
    {
        Name = name,
        Image = image,
        Cpu = 128,
        Memory = 256,
    };

    public static TaskSpec Task(string? arn = null, params ContainerSpec[] containers) => new()
    {
        TaskArn = arn ?? Arn(),
        ClusterArn = Cluster,
        Family = "web",
        Revision = 3,
        DesiredStatus = "RUNNING",
        Containers = containers.Length == 0 ? [Container("web")] : containers,
    };

    public static DesiredTasks Desired(long generation, params TaskSpec[] tasks) => new() { Generation = generation, Tasks = tasks };
}
