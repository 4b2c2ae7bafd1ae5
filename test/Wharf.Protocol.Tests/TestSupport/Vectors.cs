using System.Text.Json.Nodes;

namespace Wharf.Protocol.Tests.TestSupport;

/// <summary>The committed vectors under Vectors/, written by Vectors/make_vectors.py with botocore.</summary>
internal static class Vectors
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Vectors");

    public static JsonNode Load(string file) => JsonNode.Parse(File.ReadAllText(Path.Combine(Directory, file)))!;
}
