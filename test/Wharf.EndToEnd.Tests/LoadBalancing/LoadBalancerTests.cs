using System.Globalization;
using System.Text.Json.Nodes;
using Wharf.EndToEnd.Tests.Infrastructure;

namespace Wharf.EndToEnd.Tests.LoadBalancing;

/// <summary>
/// The application load balancer through the real AWS CLI and curl: the two-services layout of the
/// walkthrough (a default target group and a path rule) in front of loopback backends registered
/// as ip targets, the CLI's target-in-service waiter, a failing health check taking a target out,
/// and ELBv2 error codes for bad input. ECS services registering their own tasks come later.
/// </summary>
[Trait("Category", "EndToEnd")]
[Trait("Area", "LoadBalancing")]
public sealed class LoadBalancerTests(WharfFixture wharf, ITestOutputHelper output) : WharfTest(wharf, output), IClassFixture<WharfFixture>
{
    [Fact]
    public Task Listener_PathRule_RoutesByPathAndHealsOnHealthChecks() => Scenario(async () =>
    {
        await using var auth = new Backend("auth");
        await using var random = new Backend("random");
        var lb = (await ElbAsync("create-load-balancer", "--name", "demo"))["LoadBalancers"]![0]!;
        var lbArn = Text(lb["LoadBalancerArn"]);
        var dns = Text(lb["DNSName"]);
        Assert.EndsWith(".elb.localhost", dns, StringComparison.Ordinal);
        var authTg = await TargetGroupAsync("auth");
        var randomTg = await TargetGroupAsync("random");
        var port = FreePorts.Tcp();
        var listener = await ElbAsync("create-listener", "--load-balancer-arn", lbArn, "--protocol", "HTTP", "--port", Str(port),
            "--default-actions", $"Type=forward,TargetGroupArn={authTg}");
        var listenerArn = Text(listener["Listeners"]![0]!["ListenerArn"]);
        await ElbAsync("create-rule", "--listener-arn", listenerArn, "--priority", "10",
            "--conditions", "Field=path-pattern,Values=/random*", "--actions", $"Type=forward,TargetGroupArn={randomTg}");

        await ElbAsync("register-targets", "--target-group-arn", authTg, "--targets", $"Id=127.0.0.1,Port={auth.Port}");
        await ElbAsync("register-targets", "--target-group-arn", randomTg, "--targets", $"Id=127.0.0.1,Port={random.Port}");
        (await Aws.RunAsync("elbv2", "wait", "target-in-service", "--target-group-arn", authTg)).EnsureSuccess();
        (await Aws.RunAsync("elbv2", "wait", "target-in-service", "--target-group-arn", randomTg)).EnsureSuccess();

        var root = await Poll.UntilAsync("the listener to answer", () => Curl.GetAsync($"http://{dns}:{port}/login"), r => r.Status == 200,
            TimeSpan.FromSeconds(30), r => $"{r.Status} {r.Body}");
        Assert.StartsWith("auth /login", root.Body, StringComparison.Ordinal);
        Assert.Contains($"host={dns}:{port}", root.Body, StringComparison.Ordinal);
        var byPath = await Curl.GetAsync($"http://127.0.0.1:{port}/random/42");
        Assert.StartsWith("random /random/42", byPath.Body, StringComparison.Ordinal);

        // Polled to the 500s' verdict, not the first unhealthy one: on a loaded machine a check may also
        // outlast its 2 s timeout, and a target unhealthy by timeouts says Target.Timeout until the next checks.
        auth.HealthStatus = 500;
        var health = await Poll.UntilAsync("the auth target to turn unhealthy on its 500s",
            async () => (await ElbAsync("describe-target-health", "--target-group-arn", authTg))["TargetHealthDescriptions"]![0]!["TargetHealth"]!,
            h => Text(h["State"]) == "unhealthy" && h["Reason"]?.GetValue<string>() == "Target.ResponseCodeMismatch", TimeSpan.FromSeconds(60),
            h => h.ToJsonString());
        Assert.Equal("Target.ResponseCodeMismatch", Text(health["Reason"]));
        Assert.Equal("Health checks failed with these codes: [500]", Text(health["Description"]));

        // The only target is unhealthy: the balancer fails open rather than refusing traffic.
        Assert.Equal(200, (await Curl.GetAsync($"http://127.0.0.1:{port}/login")).Status);
    });

    [Fact]
    public Task FixedResponseAndRedirect_AnsweredByTheListener() => Scenario(async () =>
    {
        var lbArn = Text((await ElbAsync("create-load-balancer", "--name", "edge"))["LoadBalancers"]![0]!["LoadBalancerArn"]);
        var port = FreePorts.Tcp();
        var listenerArn = Text((await ElbAsync("create-listener", "--load-balancer-arn", lbArn, "--protocol", "HTTP", "--port", Str(port),
            "--default-actions", "Type=fixed-response,FixedResponseConfig={StatusCode=404,ContentType=text/plain,MessageBody=nothing here}"))
            ["Listeners"]![0]!["ListenerArn"]);
        await ElbAsync("create-rule", "--listener-arn", listenerArn, "--priority", "1", "--conditions", "Field=path-pattern,Values=/old/*",
            "--actions", """[{"Type":"redirect","RedirectConfig":{"Path":"/new/#{path}","StatusCode":"HTTP_301"}}]""");

        var notFound = await Poll.UntilAsync("the listener to answer", () => Curl.GetAsync($"http://127.0.0.1:{port}/x"), r => r.Status == 404,
            TimeSpan.FromSeconds(30), r => $"{r.Status} {r.Body}");
        Assert.Equal("nothing here", notFound.Body);
        // The listener may answer on the snapshot taken before the rule's commit (the 404 above is its
        // default action either way): the redirect is polled for, then checked in full.
        var moved = await Poll.UntilAsync("the redirect rule to apply", () => Curl.GetAsync($"http://127.0.0.1:{port}/old/page"), r => r.Status != 404,
            TimeSpan.FromSeconds(30), r => $"{r.Status} {r.Body}");
        Assert.Equal(301, moved.Status);
        var location = await ProcessRunner.RunAsync("curl", ["-s", "-o", "/dev/null", "-w", "%{redirect_url}", $"http://127.0.0.1:{port}/old/page?x=1"]);
        Assert.Equal($"http://127.0.0.1:{port}/new/old/page?x=1", location.StdOut.Trim());
    });

    [Fact]
    public Task BadInput_ElbErrorCodes_NothingChanged() => Scenario(async () =>
    {
        var lbArn = Text((await ElbAsync("create-load-balancer", "--name", "bad-input"))["LoadBalancers"]![0]!["LoadBalancerArn"]);
        var tg = await TargetGroupAsync("bad-input-tg");
        var port = FreePorts.Tcp();
        var listenerArn = Text((await ElbAsync("create-listener", "--load-balancer-arn", lbArn, "--protocol", "HTTP", "--port", Str(port),
            "--default-actions", $"Type=forward,TargetGroupArn={tg}"))["Listeners"]![0]!["ListenerArn"]);
        await ElbAsync("create-rule", "--listener-arn", listenerArn, "--priority", "5", "--conditions", "Field=path-pattern,Values=/a*",
            "--actions", $"Type=forward,TargetGroupArn={tg}");

        var clash = await Aws.RunAsync("elbv2", "create-rule", "--listener-arn", listenerArn, "--priority", "5",
            "--conditions", "Field=path-pattern,Values=/b*", "--actions", $"Type=forward,TargetGroupArn={tg}");
        var missing = await Aws.RunAsync("elbv2", "describe-target-groups", "--target-group-arns", tg.Replace(tg[^16..], "0000000000000000", StringComparison.Ordinal));
        var subnet = await Aws.RunAsync("ec2", "describe-subnets", "--subnet-ids", "subnet-00000000000000000");

        Assert.Equal("PriorityInUse", clash.ErrorCode);
        Assert.Equal("TargetGroupNotFound", missing.ErrorCode);
        Assert.Equal("InvalidSubnetID.NotFound", subnet.ErrorCode);
        var rules = await ElbAsync("describe-rules", "--listener-arn", listenerArn);
        Assert.Equal(2, rules["Rules"]!.AsArray().Count);
        var vpcs = (await Aws.RunAsync("ec2", "describe-vpcs", "--filters", "Name=isDefault,Values=true")).EnsureSuccess();
        Assert.Single(vpcs["Vpcs"]!.AsArray());
    });

    private async Task<string> TargetGroupAsync(string name) =>
        Text((await ElbAsync("create-target-group", "--name", name, "--protocol", "HTTP", "--port", "80", "--target-type", "ip",
            "--health-check-path", "/health", "--health-check-interval-seconds", "5", "--health-check-timeout-seconds", "2",
            "--healthy-threshold-count", "2", "--unhealthy-threshold-count", "2", "--matcher", "HttpCode=200"))["TargetGroups"]![0]!["TargetGroupArn"]);

    private async Task<JsonNode> ElbAsync(params string[] args) => (await Aws.RunAsync(["elbv2", .. args])).EnsureSuccess();

    private static string Text(JsonNode? node) => node!.GetValue<string>();

    private static string Str(int value) => value.ToString(CultureInfo.InvariantCulture);
}
