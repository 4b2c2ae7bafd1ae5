using System.Security.Cryptography;
using System.Text.Json;

namespace Wharf.Agent.Host;

/// <summary>Reads and writes <c>agent.json</c> in the state directory (written atomically).</summary>
internal sealed class AgentIdentityStore(string stateDirectory)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string Path { get; } = System.IO.Path.Combine(stateDirectory, "agent.json");

    /// <summary>A new <c>ec2InstanceId</c>: <c>i-</c> and 17 lower-case hex digits, as EC2 writes them.</summary>
    public static string NewInstanceId() => "i-" + RandomNumberGenerator.GetHexString(17, lowercase: true);

    /// <summary>The stored identity; a new one (saved at once) on first start.</summary>
    public async Task<AgentIdentity> LoadOrCreateAsync(CancellationToken cancellationToken)
    {
        if (File.Exists(Path))
        {
            await using var stream = File.OpenRead(Path);
            var stored = await JsonSerializer.DeserializeAsync<AgentIdentity>(stream, Json, cancellationToken);
            if (stored is { Ec2InstanceId.Length: > 0 })
            {
                return stored;
            }
        }

        var identity = new AgentIdentity(NewInstanceId(), null);
        await SaveAsync(identity, cancellationToken);
        return identity;
    }

    public async Task SaveAsync(AgentIdentity identity, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var temporary = Path + ".tmp";
        await using (var stream = File.Create(temporary))
        {
            await JsonSerializer.SerializeAsync(stream, identity, Json, cancellationToken);
        }

        File.Move(temporary, Path, overwrite: true);
    }
}
