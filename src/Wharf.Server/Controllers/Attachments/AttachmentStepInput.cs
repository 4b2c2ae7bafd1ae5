using Wharf.Core.Model;
using Wharf.Server.State;

namespace Wharf.Server.Controllers.Attachments;

/// <summary>What one attachment step of one task reads, at the versions read.</summary>
internal sealed record AttachmentStepInput
{
    public required TaskRecord Task { get; init; }

    /// <summary>The task's service; null once the service record is gone.</summary>
    public ServiceRecord? Service { get; init; }

    /// <summary>The container instance the task runs on, when known.</summary>
    public ContainerInstanceRecord? Instance { get; init; }

    /// <summary>Target groups by ARN.</summary>
    public required IReadOnlyDictionary<string, Versioned<TargetGroupRecord>> Groups { get; init; }

    /// <summary>Target groups a listener or rule forwards to (only those health-check and drain).</summary>
    public required IReadOnlySet<string> GroupsInUse { get; init; }

    /// <summary>Target documents by <see cref="LoadBalancingKinds.TargetKey"/>.</summary>
    public required IReadOnlyDictionary<string, Versioned<TargetRecord>> Targets { get; init; }

    /// <summary>Cloud Map services by ARN.</summary>
    public required IReadOnlyDictionary<string, DiscoveryServiceRecord> Registries { get; init; }

    /// <summary>True when an essential container of the task's definition has a health check.</summary>
    public bool HasHealthChecks { get; init; }

    /// <summary>The task definition's network mode (bridge, host, awsvpc or none).</summary>
    public string NetworkMode { get; init; } = "bridge";

    public required string ClusterName { get; init; }
    public required string Region { get; init; }
    public required DateTimeOffset Now { get; init; }
}
