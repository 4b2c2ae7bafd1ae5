namespace Wharf.Agent.Logs;

/// <summary>Opens a container's log stream before it starts, as Docker's awslogs driver does at start.</summary>
internal interface ILogStreamOpener
{
    /// <summary>
    /// Creates the stream (and the group when allowed). Null when it is open or the server could
    /// not be asked in time (the lines are then shipped later); otherwise why the container cannot
    /// start, in the awslogs driver's words.
    /// </summary>
    Task<string?> OpenAsync(AwsLogsConfig config, string containerId, CancellationToken cancellationToken);
}
