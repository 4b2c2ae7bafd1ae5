using Microsoft.Extensions.Logging.Abstractions;
using Wharf.Core.Model;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.Controllers.Services;
using Wharf.Server.Ecs.Common;
using Wharf.Server.Ecs.Services;
using Wharf.Server.Tests.Ecs.Tasks;

namespace Wharf.Server.Tests.Ecs.Services;

/// <summary>The service handlers and the service controller over the task test bed's in-memory store.</summary>
internal sealed class ServiceTestBed
{
    public ServiceTestBed()
    {
        var clusters = new ClusterResolver(Tasks.State, Tasks.Parser);
        var definitions = new TaskDefinitionResolver(Tasks.State, Tasks.Parser);
        var serviceDefinitions = new ServiceDefinitions(definitions, Tasks.Networks, Tasks.Ids);
        var services = new ServiceResolver(Tasks.State, Tasks.Parser, Tasks.Arns);
        var attachments = new ServiceAttachmentValidation(new Wharf.Server.ElasticLoadBalancing.Common.ElbState(Tasks.State), Tasks.State);
        Create = new CreateServiceHandler(clusters, serviceDefinitions, services, attachments, Tasks.Arns, Tasks.State, Tasks.Time);
        Describe = new DescribeServicesHandler(clusters, services, new ResourceTags(Tasks.State));
        List = new ListServicesHandler(clusters, Tasks.State);
        Update = new UpdateServiceHandler(clusters, serviceDefinitions, services, attachments, Tasks.State, Tasks.Time);
        Delete = new DeleteServiceHandler(clusters, services, Tasks.State, Tasks.Time);
        Options = new ServiceControllerOptions { LostTimeout = TimeSpan.FromSeconds(30) };
        Monitor = new InstanceHealthMonitor(Tasks.Agents, Options, Tasks.Time);
        Controller = new ServiceController(
            Tasks.State,
            Tasks.Committer,
            new ServicePlanner(Tasks.Arns, Tasks.Ids, Tasks.Networks, new Random(3)),
            Monitor,
            definitions,
            Options,
            Tasks.Time,
            NullLogger<ServiceController>.Instance);
    }

    public TaskTestBed Tasks { get; } = new();
    public CreateServiceHandler Create { get; }
    public DescribeServicesHandler Describe { get; }
    public ListServicesHandler List { get; }
    public UpdateServiceHandler Update { get; }
    public DeleteServiceHandler Delete { get; }
    public ServiceControllerOptions Options { get; }
    public InstanceHealthMonitor Monitor { get; }
    public ServiceController Controller { get; }

    public async System.Threading.Tasks.Task<Service> CreateAsync(CreateServiceRequest request) =>
        (await Create.HandleAsync(request, TaskTestBed.Context, CancellationToken.None)).Service!;

    public async System.Threading.Tasks.Task<Service> DescribeAsync(string service = "web") =>
        (await Describe.HandleAsync(new DescribeServicesRequest { Services = [service] }, TaskTestBed.Context, CancellationToken.None)).Services!.Single();

    public async System.Threading.Tasks.Task<Service> UpdateAsync(UpdateServiceRequest request) =>
        (await Update.HandleAsync(request, TaskTestBed.Context, CancellationToken.None)).Service!;

    /// <summary>Runs controller passes until one commits nothing (at most 10).</summary>
    public async System.Threading.Tasks.Task SettleAsync()
    {
        for (var i = 0; i < 10; i++)
        {
            var cluster = (await Tasks.GetAsync<ClusterRecord>(StateKinds.Cluster, "default")).Value;
            var acted = false;
            foreach (var service in await Tasks.State.ListAsync<ServiceRecord>(StateKinds.Service, cluster.Arn, CancellationToken.None))
            {
                acted |= await Controller.ReconcileAsync(cluster, service.Value.Arn, CancellationToken.None);
            }

            if (!acted)
            {
                return;
            }
        }
    }

    /// <summary>What an agent would report: every task wanted RUNNING is RUNNING, every task wanted STOPPED is STOPPED.</summary>
    public async System.Threading.Tasks.Task AgentsCatchUpAsync(string? healthStatus = null)
    {
        foreach (var task in await Tasks.TasksAsync())
        {
            if (task.LastStatus == "STOPPED")
            {
                continue;
            }

            await Tasks.UpdateTaskAsync(task.Arn, t => t.DesiredStatus == "STOPPED"
                ? t with { LastStatus = "STOPPED", StoppedAt = Tasks.Time.GetUtcNow() }
                : t with { LastStatus = "RUNNING", StartedAt = t.StartedAt ?? Tasks.Time.GetUtcNow(), HealthStatus = healthStatus ?? t.HealthStatus });
        }
    }

    public async System.Threading.Tasks.Task<IReadOnlyList<TaskRecord>> LiveTasksAsync() =>
        (await Tasks.TasksAsync()).Where(t => t.DesiredStatus == "RUNNING").ToList();
}
