using Wharf.EndToEnd.Tests.Infrastructure;

namespace Wharf.EndToEnd.Tests.Services;

/// <summary>
/// Bad CreateService and UpdateService input through boto3: the ECS exception name, a 4xx, a
/// message, and nothing changed (the service <c>steady</c>, the absent <c>bad</c>, the service
/// list and the task list read the same before and after).
/// </summary>
[Trait("Category", "EndToEnd")]
[Trait("Area", "BadInput")]
public sealed class ServiceBadInputTests(WharfFixture wharf, ITestOutputHelper output)
    : WharfTest(wharf, output), IClassFixture<WharfFixture>
{
    private const string Definition = """
        {"family": "badsvc-web", "containerDefinitions": [{"name": "web", "image": "wharf/web:1.0", "essential": true,
          "memory": 16, "portMappings": [{"containerPort": 80, "hostPort": 0}]}]}
        """;

    /// <summary>
    /// "attribute:ecs.os-type == linux or " is 34 characters, so the second <c>or</c> is at
    /// position 35 (1-based), where a subject was expected.
    /// </summary>
    private const string BrokenExpression = "attribute:ecs.os-type == linux or or attribute:ecs.instance-type == t2.micro";

    private static readonly SemaphoreSlim SetUpLock = new(1, 1);

    [Theory]
    // Unknown and INACTIVE task definitions.
    [InlineData("ecs.create_service, serviceName='bad', taskDefinition='no-such-family'", "ClientException", "TaskDefinition not found.")]
    [InlineData("ecs.create_service, serviceName='bad', taskDefinition='badsvc-web:2'", "ClientException", "TaskDefinition is inactive")]
    [InlineData("ecs.update_service, service='steady', taskDefinition='no-such-family'", "ClientException", "TaskDefinition not found.")]
    [InlineData("ecs.update_service, service='steady', taskDefinition='badsvc-web:2'", "ClientException", "TaskDefinition is inactive")]
    // desiredCount below 0.
    [InlineData("raw_ecs.create_service, serviceName='bad', taskDefinition='badsvc-web:1', desiredCount=-1", "InvalidParameterException", "desiredCount")]
    [InlineData("raw_ecs.update_service, service='steady', desiredCount=-1", "InvalidParameterException", "desiredCount")]
    // Percents outside ECS's ranges: minimum 0..100, maximum at least 100 (exactly 100 for DAEMON).
    [InlineData("ecs.create_service, serviceName='bad', taskDefinition='badsvc-web:1', deploymentConfiguration={'minimumHealthyPercent': 101, 'maximumPercent': 200}", "InvalidParameterException", "minimumHealthyPercent")]
    [InlineData("ecs.create_service, serviceName='bad', taskDefinition='badsvc-web:1', deploymentConfiguration={'minimumHealthyPercent': 50, 'maximumPercent': 99}", "InvalidParameterException", "maximumPercent")]
    [InlineData("ecs.create_service, serviceName='bad', taskDefinition='badsvc-web:1', schedulingStrategy='DAEMON', deploymentConfiguration={'maximumPercent': 200}", "InvalidParameterException", "maximumPercent")]
    [InlineData("raw_ecs.update_service, service='steady', deploymentConfiguration={'minimumHealthyPercent': -1, 'maximumPercent': 200}", "InvalidParameterException", "minimumHealthyPercent")]
    // A memberOf expression that does not parse: the message names the position.
    [InlineData("ecs.create_service, serviceName='bad', taskDefinition='badsvc-web:1', placementConstraints=[{'type': 'memberOf', 'expression': '" + BrokenExpression + "'}]", "InvalidParameterException", "position 35")]
    [InlineData("ecs.update_service, service='steady', placementConstraints=[{'type': 'memberOf', 'expression': '" + BrokenExpression + "'}]", "InvalidParameterException", "position 35")]
    // Strategy fields ECS does not take: binpack is on cpu or memory only.
    [InlineData("ecs.create_service, serviceName='bad', taskDefinition='badsvc-web:1', placementStrategy=[{'type': 'binpack', 'field': 'disk'}]", "InvalidParameterException", "binpack")]
    [InlineData("ecs.update_service, service='steady', placementStrategy=[{'type': 'binpack', 'field': 'disk'}]", "InvalidParameterException", "binpack")]
    public Task ServiceCall_BadInput_AwsExceptionAndNoChange(string call, string expectedCode, string expectedInMessage) => Scenario(async () =>
    {
        await EnsureSetUpAsync();
        var snippet = $$"""
            KEYS = ("serviceName", "status", "desiredCount", "taskDefinition", "deploymentConfiguration",
                    "placementConstraints", "placementStrategy", "schedulingStrategy", "propagateTags")
            def snapshot():
                described = ecs.describe_services(services=["steady", "bad"])
                services = [dict({k: s.get(k) for k in KEYS},
                                 deployments=[[d["id"], d["status"], d["taskDefinition"]] for d in s["deployments"]])
                            for s in described["services"]]
                return {
                    "services": services,
                    "failures": described["failures"],
                    "list": sorted(ecs.list_services()["serviceArns"]),
                    "tasks": sorted(ecs.list_tasks()["taskArns"]),
                }
            before = snapshot()
            result = call({{call}})
            after = snapshot()
            out({"result": result, "before": before, "after": after})
            """;

        var json = (await Aws.Boto3Async(snippet)).EnsureSuccess();
        var result = json["result"]!;

        Assert.True(result["code"]?.GetValue<string>() == expectedCode, $"expected {expectedCode}, got {result.ToJsonString()}");
        Assert.InRange(result["status"]!.GetValue<int>(), 400, 499);
        Assert.Contains(expectedInMessage, result["message"]?.GetValue<string>() ?? "", StringComparison.Ordinal);
        Assert.Equal(json["before"]!.ToJsonString(), json["after"]!.ToJsonString());
        Assert.Single(json["after"]!["services"]!.AsArray());
        Assert.Equal("MISSING", json["after"]!["failures"]![0]!["reason"]!.GetValue<string>());
    });

    /// <summary>
    /// Once per instance: revision 1 of <c>badsvc-web</c> ACTIVE, revision 2 deregistered, and the
    /// service <c>steady</c> (desiredCount 0, so nothing changes under it) with a constraint and a strategy.
    /// </summary>
    private async Task EnsureSetUpAsync()
    {
        await SetUpLock.WaitAsync();
        try
        {
            var existing = await Aws.EcsOkAsync("describe-services", "--services", "steady");
            if (existing["services"]!.AsArray().Count > 0)
            {
                return;
            }

            await Aws.EcsOkAsync("register-task-definition", "--cli-input-json", Definition);
            await Aws.EcsOkAsync("register-task-definition", "--cli-input-json", Definition);
            await Aws.EcsOkAsync("deregister-task-definition", "--task-definition", "badsvc-web:2");
            await Aws.EcsOkAsync(
                "create-service", "--service-name", "steady", "--task-definition", "badsvc-web:1", "--desired-count", "0",
                "--placement-constraints", "type=memberOf,expression=attribute:ecs.os-type == linux",
                "--placement-strategy", "type=spread,field=instanceId");
        }
        finally
        {
            SetUpLock.Release();
        }
    }
}
