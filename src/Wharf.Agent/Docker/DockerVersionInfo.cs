namespace Wharf.Agent.Docker;

/// <summary>What the engine says about itself.</summary>
/// <param name="Version">Engine version, e.g. <c>20.10.24</c>.</param>
/// <param name="ApiVersion">The API version requests are sent with.</param>
internal sealed record DockerVersionInfo(string Version, string ApiVersion);
