namespace Wharf.Core.Model;

/// <summary>ELBv2's target health states and the reason codes Wharf reports with them.</summary>
public static class TargetStates
{
    public const string Initial = "initial";
    public const string Healthy = "healthy";
    public const string Unhealthy = "unhealthy";
    public const string Draining = "draining";
    public const string Unused = "unused";

    public const string RegistrationInProgress = "Elb.RegistrationInProgress";
    public const string InitialHealthChecking = "Elb.InitialHealthChecking";
    public const string ResponseCodeMismatch = "Target.ResponseCodeMismatch";
    public const string Timeout = "Target.Timeout";
    public const string FailedHealthChecks = "Target.FailedHealthChecks";
    public const string NotInUse = "Target.NotInUse";
    public const string DeregistrationInProgress = "Target.DeregistrationInProgress";
    public const string HealthCheckDisabled = "Target.HealthCheckDisabled";
}
