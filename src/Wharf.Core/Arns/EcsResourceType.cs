namespace Wharf.Core.Arns;

/// <summary>The kinds of ECS resource that have an ARN.</summary>
public enum EcsResourceType
{
    /// <summary><c>cluster/{name}</c>.</summary>
    Cluster = 0,

    /// <summary><c>task/{cluster}/{id}</c>.</summary>
    Task = 1,

    /// <summary><c>container-instance/{cluster}/{id}</c>.</summary>
    ContainerInstance = 2,

    /// <summary><c>task-definition/{family}:{revision}</c>.</summary>
    TaskDefinition = 3,

    /// <summary><c>service/{cluster}/{name}</c>.</summary>
    Service = 4,

    /// <summary><c>container/{cluster}/{taskId}/{uuid}</c>.</summary>
    Container = 5,

    /// <summary><c>task-set/{cluster}/{service}/{id}</c>.</summary>
    TaskSet = 6,

    /// <summary><c>capacity-provider/{name}</c>.</summary>
    CapacityProvider = 7,
}
