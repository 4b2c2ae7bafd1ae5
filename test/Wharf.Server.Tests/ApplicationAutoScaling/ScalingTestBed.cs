using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Wharf.Core.Arns;
using Wharf.Core.Model;
using Wharf.Protocol.Errors;
using Wharf.Protocol.Generated.ApplicationAutoScaling;
using Wharf.Server.Api;
using Wharf.Server.ApplicationAutoScaling.Activities;
using Wharf.Server.ApplicationAutoScaling.Common;
using Wharf.Server.ApplicationAutoScaling.Engine;
using Wharf.Server.ApplicationAutoScaling.Policies;
using Wharf.Server.ApplicationAutoScaling.Scheduled;
using Wharf.Server.ApplicationAutoScaling.Targets;
using Wharf.Server.CloudWatch.Alarms;
using Wharf.Server.State;
using Wharf.Server.Tests.Fakes;
using Xunit;
using Task = System.Threading.Tasks.Task;

namespace Wharf.Server.Tests.ApplicationAutoScaling;

/// <summary>
/// The Application Auto Scaling handlers, policy executor and scheduled action runner over an
/// in-memory store, fake alarms, a fake metric reader and fake time, with ECS services put straight
/// into the store.
/// </summary>
internal sealed class ScalingTestBed
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    public static readonly OperationContext Context = new("request-1", "AKIDEXAMPLE", "us-east-1");

    public ScalingTestBed(ScalingOptions? options = null)
    {
        Options = options ?? new ScalingOptions();
        State = new StateRepository(Store);
        ServiceNames = new Wharf.Server.State.ResourceNames(new WharfServerOptions { DataDirectory = "/nonexistent" });
        Names = new ScalingNames(AccountContext.Default);
        Scaling = new ScalingStore(State, ServiceNames);
        Committer = new CapacityCommitter(Scaling, Time);
        var alarms = new TargetTrackingAlarms(Alarms, Names, Options);
        Executor = new PolicyExecutor(Scaling, Committer, Metrics, Options, Time, NullLogger<PolicyExecutor>.Instance);
        Runner = new ScheduledActionRunner(Scaling, Committer, Options, Time, NullLogger<ScheduledActionRunner>.Instance);
        Register = new RegisterScalableTargetHandler(Scaling, Committer, Names, Time);
        Deregister = new DeregisterScalableTargetHandler(Scaling, Alarms);
        DescribeTargets = new DescribeScalableTargetsHandler(Scaling);
        PutPolicy = new PutScalingPolicyHandler(Scaling, Names, alarms, Time);
        DeletePolicy = new DeleteScalingPolicyHandler(Scaling, alarms, Alarms);
        DescribePolicies = new DescribeScalingPoliciesHandler(Scaling, Alarms);
        DescribeActivities = new DescribeScalingActivitiesHandler(Scaling);
        PutScheduled = new PutScheduledActionHandler(Scaling, Names, Runner, Time);
        DescribeScheduled = new DescribeScheduledActionsHandler(Scaling);
        AlarmHandler = new ScalingAlarmActionHandler(Executor);
    }

    public InMemoryStateStore Store { get; } = new();
    public StateRepository State { get; }
    public FakeTimeProvider Time { get; } = new(Start);
    public FakeMetricAlarms Alarms { get; } = new();
    public FakeMetricReader Metrics { get; } = new();
    public ScalingOptions Options { get; }
    public Wharf.Server.State.ResourceNames ServiceNames { get; }
    public ScalingNames Names { get; }
    public ScalingStore Scaling { get; }
    public CapacityCommitter Committer { get; }
    public PolicyExecutor Executor { get; }
    public ScheduledActionRunner Runner { get; }
    public RegisterScalableTargetHandler Register { get; }
    public DeregisterScalableTargetHandler Deregister { get; }
    public DescribeScalableTargetsHandler DescribeTargets { get; }
    public PutScalingPolicyHandler PutPolicy { get; }
    public DeleteScalingPolicyHandler DeletePolicy { get; }
    public DescribeScalingPoliciesHandler DescribePolicies { get; }
    public DescribeScalingActivitiesHandler DescribeActivities { get; }
    public PutScheduledActionHandler PutScheduled { get; }
    public DescribeScheduledActionsHandler DescribeScheduled { get; }
    public ScalingAlarmActionHandler AlarmHandler { get; }

    public static async Task<AwsServiceException> FailsAsync(Func<Task> call) => await Assert.ThrowsAsync<AwsServiceException>(call);

    /// <summary>Puts an ACTIVE REPLICA service with <paramref name="desired"/> tasks into the store.</summary>
    public async Task AddServiceAsync(string cluster, string name, int desired)
    {
        var arn = ServiceNames.Service(cluster, name);
        var definition = ServiceNames.TaskDefinition("burn", 1);
        var record = new ServiceRecord
        {
            Arn = arn,
            Name = name,
            ClusterArn = ServiceNames.Cluster(cluster),
            Status = "ACTIVE",
            DesiredCount = desired,
            TaskDefinitionArn = definition,
            MinimumHealthyPercent = 100,
            MaximumPercent = 200,
            Deployments =
            [
                new DeploymentRecord
                {
                    Id = "ecs-svc/1", Status = "PRIMARY", TaskDefinitionArn = definition, DesiredCount = desired, CreatedAt = Start, UpdatedAt = Start,
                    RolloutState = "COMPLETED",
                },
            ],
            CreatedAt = Start,
        };
        var write = State.Begin();
        write.Put(StateKinds.Service, arn, record.ClusterArn, record, 0);
        await write.CommitAsync(default);
    }

    /// <summary>Rewrites a stored service (a deployment starting or finishing), as the ECS side would.</summary>
    public async Task UpdateServiceAsync(string cluster, string name, Func<ServiceRecord, ServiceRecord> change)
    {
        var stored = (await State.GetAsync<ServiceRecord>(StateKinds.Service, ServiceNames.Service(cluster, name), default))!;
        var write = State.Begin();
        write.Put(StateKinds.Service, stored.Key, stored.Value.ClusterArn, change(stored.Value), stored.Version);
        await write.CommitAsync(default);
    }

    public async Task<ServiceRecord> ServiceAsync(string cluster, string name) =>
        (await State.GetAsync<ServiceRecord>(StateKinds.Service, ServiceNames.Service(cluster, name), default))!.Value;

    public async Task<string> RegisterAsync(string cluster, string name, int min, int max) =>
        (await Register.HandleAsync(
            new RegisterScalableTargetRequest
            {
                ServiceNamespace = "ecs", ResourceId = $"service/{cluster}/{name}", ScalableDimension = "ecs:service:DesiredCount",
                MinCapacity = min, MaxCapacity = max,
            },
            Context,
            default)).ScalableTargetARN!;

    public async Task<PutScalingPolicyResponse> PutCpuPolicyAsync(
        string cluster, string name, double target, int outCooldown = 60, int inCooldown = 60, bool disableScaleIn = false) =>
        await PutPolicy.HandleAsync(
            new PutScalingPolicyRequest
            {
                PolicyName = "cpu", ServiceNamespace = "ecs", ResourceId = $"service/{cluster}/{name}", ScalableDimension = "ecs:service:DesiredCount",
                PolicyType = "TargetTrackingScaling",
                TargetTrackingScalingPolicyConfiguration = new TargetTrackingScalingPolicyConfiguration
                {
                    TargetValue = target,
                    PredefinedMetricSpecification = new PredefinedMetricSpecification { PredefinedMetricType = "ECSServiceAverageCPUUtilization" },
                    ScaleOutCooldown = outCooldown,
                    ScaleInCooldown = inCooldown,
                    DisableScaleIn = disableScaleIn,
                },
            },
            Context,
            default);

    /// <summary>Fires an alarm action as the alarm evaluator does.</summary>
    public ValueTask FireAsync(string alarmName, string policyArn, string reason = "Threshold Crossed") =>
        AlarmHandler.InvokeAsync(
            new AlarmActionInvocation(alarmName, Names.AlarmArn(alarmName), policyArn, "ALARM", "OK", reason, Time.GetUtcNow()), default);

    public async Task<List<ScalingActivity>> ActivitiesAsync(bool includeNotScaled = false) =>
        (await DescribeActivities.HandleAsync(
            new DescribeScalingActivitiesRequest { ServiceNamespace = "ecs", IncludeNotScaledActivities = includeNotScaled ? true : null }, Context, default))
        .ScalingActivities!;
}
