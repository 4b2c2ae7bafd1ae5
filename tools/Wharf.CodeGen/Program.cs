using Wharf.CodeGen;

// Usage: Wharf.CodeGen --botocore-data <dir> --out <src/Wharf.Protocol/Generated> [--service <Name>]...
// Reads botocore service models from disk only; no network.
string? dataDir = null;
string? outDir = null;
var only = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--botocore-data" when i + 1 < args.Length: dataDir = args[++i]; break;
        case "--out" when i + 1 < args.Length: outDir = args[++i]; break;
        case "--service" when i + 1 < args.Length: only.Add(args[++i]); break;
        default:
            Console.Error.WriteLine($"Unknown argument '{args[i]}'.");
            Console.Error.WriteLine("Usage: Wharf.CodeGen --botocore-data <botocore/data> --out <src/Wharf.Protocol/Generated> [--service Ecs]...");
            return 2;
    }
}

if (dataDir is null || outDir is null)
{
    Console.Error.WriteLine("Both --botocore-data and --out are required.");
    return 2;
}

var specs = ServiceSpec.All.Where(s => only.Count == 0 || only.Contains(s.Name, StringComparer.OrdinalIgnoreCase)).ToList();
if (specs.Count == 0)
{
    Console.Error.WriteLine($"No service matches {string.Join(", ", only)}.");
    return 2;
}

Directory.CreateDirectory(outDir);
var files = specs.Sum(spec => ServiceGenerator.Generate(dataDir, outDir, spec));
ServiceGenerator.WriteIndex(outDir, ServiceSpec.All);
Console.WriteLine($"Wrote {files + 1} files under {outDir}.");
return 0;
