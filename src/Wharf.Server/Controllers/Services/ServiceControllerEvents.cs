namespace Wharf.Server.Controllers.Services;

/// <summary>Log event ids of the service controller (the 1300 block).</summary>
internal static class ServiceControllerEvents
{
    public const int PassFailed = 1300;
    public const int ServiceFailed = 1301;
}
