namespace Wharf.Scheduling.Query;

/// <summary>The subjects of the ECS cluster query language.</summary>
internal enum QuerySubject
{
    AgentConnected,
    AgentVersion,
    Attribute,
    Ec2InstanceId,
    RegisteredAt,
    RunningTasksCount,
    TaskGroup,
}
