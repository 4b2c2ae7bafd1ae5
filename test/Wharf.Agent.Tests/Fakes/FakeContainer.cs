using Wharf.Agent.Docker;

namespace Wharf.Agent.Tests.Fakes;

/// <summary>A container inside <see cref="FakeDockerEngine"/>; mutated under the engine's lock.</summary>
internal sealed class FakeContainer(string id, ContainerCreateRequest request)
{
    public string Id { get; } = id;
    public ContainerCreateRequest Request { get; } = request;
    public string Status { get; set; } = "created";
    public int? ExitCode { get; set; }
    public bool OomKilled { get; set; }
    public string? Health { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    /// <summary>The address on a user-defined network (the fake gives none on the default bridge).</summary>
    public string? Ipv4Address { get; set; }
    public string? MacAddress { get; set; }

    public ContainerSnapshot Snapshot() => new()
    {
        Id = Id,
        Name = Request.Name,
        Image = Request.Image,
        ImageId = "sha256:" + Request.Image,
        Status = Status,
        ExitCode = Status == "exited" ? ExitCode : null,
        OomKilled = OomKilled,
        Health = Health,
        StartedAt = StartedAt,
        FinishedAt = FinishedAt,
        Labels = Request.Labels,
        PortBindings = Request.PortBindings,
        Ipv4Address = Status == "running" ? Ipv4Address : null,
        MacAddress = Status == "running" ? MacAddress : null,
    };
}
