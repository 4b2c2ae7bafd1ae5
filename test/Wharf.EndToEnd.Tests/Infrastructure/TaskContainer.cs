namespace Wharf.EndToEnd.Tests.Infrastructure;

/// <summary>A Docker container labelled with the ECS task it belongs to.</summary>
/// <param name="Id">The full Docker container id.</param>
/// <param name="State">Docker's state: <c>running</c>, <c>exited</c>, <c>created</c>, …</param>
/// <param name="TaskArn">The value of <c>com.amazonaws.ecs.task-arn</c>.</param>
public sealed record TaskContainer(string Id, string State, string TaskArn);
