namespace Wharf.Agent.Docker;

/// <summary>The labels the agent puts on what it creates, and reads back to re-adopt it.</summary>
internal static class DockerLabels
{
    public const string TaskArn = "com.amazonaws.ecs.task-arn";
    public const string ContainerName = "com.amazonaws.ecs.container-name";
    public const string Cluster = "com.amazonaws.ecs.cluster";
    public const string TaskDefinitionFamily = "com.amazonaws.ecs.task-definition-family";
    public const string TaskDefinitionVersion = "com.amazonaws.ecs.task-definition-version";

    /// <summary>
    /// The <c>ec2InstanceId</c> of the agent that owns the object. Several agents may share one
    /// Docker Engine; an agent only ever adopts or touches objects carrying its own id.
    /// </summary>
    public const string AgentInstance = "wharf.agent-instance";

    /// <summary><c>true</c> or <c>false</c>: lets a restarted agent apply essential-exit before the server resends the task.</summary>
    public const string Essential = "wharf.essential";

    /// <summary>Seconds between SIGTERM and SIGKILL, for the same reason.</summary>
    public const string StopTimeout = "wharf.stop-timeout";

    /// <summary>
    /// <c>true</c> on an awsvpc task's pause container, the one holding the task's network
    /// namespace: never reported as a task container, stopped after all of them.
    /// </summary>
    public const string PauseContainer = "wharf.pause-container";

    /// <summary>On volumes: <c>task</c> for task-scoped volumes the agent removes at cleanup.</summary>
    public const string VolumeScope = "wharf.volume-scope";
}
