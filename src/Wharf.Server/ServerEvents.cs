namespace Wharf.Server;

/// <summary>Every log event id of the server, in one place.</summary>
internal static class ServerEvents
{
    public const int Listening = 1000;
    public const int RequestFailed = 1001;
    public const int RequestRefused = 1002;

    public const int AgentConnected = 1100;
    public const int AgentDisconnected = 1101;
    public const int AgentRefused = 1102;
    public const int AgentMessageFailed = 1103;

    public const int DispatchFailed = 1200;
    public const int Dispatched = 1201;

    public const int StoppedTasksForgotten = 1300;
    public const int StoppedTaskSweepFailed = 1301;
}
