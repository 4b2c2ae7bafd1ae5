using System.Globalization;
using System.Text.Json.Nodes;
using Wharf.EndToEnd.Tests.Infrastructure;

namespace Wharf.EndToEnd.Tests.Services;

/// <summary>
/// Watches one service through a rollout with boto3 from a single python process (so it can look
/// every ~250 ms): each sample counts the service's tasks whose <c>lastStatus</c> is not STOPPED
/// (ECS's "RUNNING or PENDING", whatever their desired status) and its healthy ones (RUNNING,
/// wanted RUNNING, not UNHEALTHY), and notes its deployments. A sample during which a new task
/// appeared (the task list changed between its first and last call) is dropped rather than
/// miscounted. Sampling ends once the service is steady on <c>target</c>.
/// </summary>
internal sealed class RolloutSampler
{
    private const string Script = """
        import json, os, sys, time
        import boto3
        from botocore.config import Config

        ecs = boto3.client("ecs", endpoint_url=os.environ["WHARF_ENDPOINT"], region_name="us-east-1",
                           config=Config(retries={"total_max_attempts": 3, "mode": "standard"}))
        service, target, ready = os.environ["SAMPLE_SERVICE"], os.environ["SAMPLE_TARGET"], os.environ["SAMPLE_READY"]
        deadline = time.monotonic() + float(os.environ["SAMPLE_SECONDS"])

        def arns():
            found = set()
            for status in ("RUNNING", "STOPPED"):
                for page in ecs.get_paginator("list_tasks").paginate(serviceName=service, desiredStatus=status):
                    found.update(page["taskArns"])
            return found

        samples, dropped, done = [], 0, False
        while time.monotonic() < deadline:
            before = arns()
            tasks = []
            listed = sorted(before)
            for i in range(0, len(listed), 100):
                tasks += ecs.describe_tasks(tasks=listed[i:i + 100])["tasks"]
            svc = ecs.describe_services(services=[service])["services"][0]
            if arns() - before:
                dropped += 1
                continue
            live = [t for t in tasks if t["lastStatus"] != "STOPPED"]
            healthy = [t for t in live if t["lastStatus"] == "RUNNING" and t["desiredStatus"] == "RUNNING"
                       and t.get("healthStatus") != "UNHEALTHY"]
            samples.append({
                "total": len(live),
                "healthy": len(healthy),
                "desired": svc["desiredCount"],
                "deployments": [[d["status"], d.get("rolloutState"), d["taskDefinition"]] for d in svc["deployments"]],
                "tasks": sorted(t["lastStatus"] + ":" + t["desiredStatus"] + ":" + t["taskDefinitionArn"].rsplit("/", 1)[1] for t in tasks
                                if t["lastStatus"] != "STOPPED" or t["desiredStatus"] != "STOPPED"),
            })
            if not os.path.exists(ready):
                open(ready, "w").close()
            primary = svc["deployments"][0]
            if (len(svc["deployments"]) == 1 and primary["taskDefinition"].endswith(target)
                    and primary.get("rolloutState") == "COMPLETED" and svc["runningCount"] == svc["desiredCount"]
                    and len(live) == svc["desiredCount"]
                    and all(t["lastStatus"] == "RUNNING" and t["taskDefinitionArn"].endswith(target) for t in live)):
                done = True
                break
            time.sleep(0.25)

        print(json.dumps({"done": done, "dropped": dropped, "samples": samples}))
        """;

    private readonly Task<ProcessResult> run;
    private readonly string readyFile;

    private RolloutSampler(Task<ProcessResult> run, string readyFile)
    {
        this.run = run;
        this.readyFile = readyFile;
    }

    /// <summary>
    /// Starts sampling <paramref name="service"/> until it is steady with every task of
    /// <paramref name="target"/> (a <c>family:revision</c>), or <paramref name="limit"/> passes;
    /// returns once the first sample is taken.
    /// </summary>
    public static async Task<RolloutSampler> StartAsync(AwsCli aws, string service, string target, TimeSpan limit)
    {
        var readyFile = Path.Combine(Path.GetTempPath(), "wharf-e2e-sampler-" + Guid.NewGuid().ToString("N"));
        var environment = new Dictionary<string, string?>(aws.Environment())
        {
            ["SAMPLE_SERVICE"] = service,
            ["SAMPLE_TARGET"] = target,
            ["SAMPLE_READY"] = readyFile,
            ["SAMPLE_SECONDS"] = limit.TotalSeconds.ToString(CultureInfo.InvariantCulture),
        };
        var run = ProcessRunner.RunAsync("python3", ["-"], environment, stdin: Script, timeout: limit + TimeSpan.FromMinutes(1));
        var sampler = new RolloutSampler(run, readyFile);
        await Poll.UntilAsync("the first rollout sample", () => Task.FromResult(File.Exists(readyFile) || run.IsCompleted), ready => ready, TimeSpan.FromSeconds(60));
        return sampler;
    }

    /// <summary>Waits for the sampling to end; returns the samples (throws unless it saw the steady state).</summary>
    public async Task<IReadOnlyList<JsonNode>> FinishAsync()
    {
        var result = await run;
        File.Delete(readyFile);
        var json = result.Succeeded ? JsonNode.Parse(result.StdOut) : null;
        if (json?["done"]?.GetValue<bool>() != true)
        {
            var tail = json?["samples"]?.AsArray().TakeLast(5).Select(s => s!.ToJsonString()) ?? [];
            throw new InvalidOperationException($"The rollout did not reach its steady state while sampled:\n{result.StdErr}\n{string.Join("\n", tail)}");
        }

        return json["samples"]!.AsArray().Select(s => s!).ToList();
    }
}
