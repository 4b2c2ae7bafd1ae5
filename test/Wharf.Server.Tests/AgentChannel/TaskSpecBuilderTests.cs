using System.Text.Json.Nodes;
using Wharf.Core.Model;
using Wharf.Server.AgentChannel;
using Xunit;

namespace Wharf.Server.Tests.AgentChannel;

public sealed class TaskSpecBuilderTests
{
    private const string Definition = """
        {
          "family": "web", "revision": 3, "networkMode": "bridge",
          "containerDefinitions": [
            {
              "name": "web", "image": "wharf/web:latest", "cpu": 128, "memory": 256, "essential": true,
              "portMappings": [{"containerPort": 80, "hostPort": 0, "protocol": "tcp"}],
              "environment": [{"name": "COLOR", "value": "blue"}, {"name": "SIZE", "value": "m"}],
              "command": ["httpd", "-f"],
              "dockerLabels": {"team": "a"},
              "healthCheck": {"command": ["CMD-SHELL", "true"], "interval": 5, "retries": 2},
              "dependsOn": [{"containerName": "init", "condition": "SUCCESS"}],
              "mountPoints": [{"sourceVolume": "data", "containerPath": "/data", "readOnly": true}]
            },
            {"name": "init", "image": "wharf/busybox", "essential": false, "memoryReservation": 32}
          ],
          "volumes": [{"name": "data", "host": {"sourcePath": "/srv/data"}}]
        }
        """;

    private static TaskRecord Task(JsonObject? overrides = null) => new()
    {
        Arn = "arn:aws:ecs:us-east-1:000000000000:task/default/abc",
        Id = "abc",
        ClusterArn = "arn:aws:ecs:us-east-1:000000000000:cluster/default",
        TaskDefinitionArn = "arn:aws:ecs:us-east-1:000000000000:task-definition/web:3",
        Family = "web",
        Revision = 3,
        LastStatus = "PROVISIONING",
        DesiredStatus = "RUNNING",
        CreatedAt = DateTimeOffset.UnixEpoch,
        Containers = [],
        Overrides = overrides,
    };

    private static TaskDefinitionRecord Record() => new()
    {
        Family = "web",
        Revision = 3,
        Arn = "arn:aws:ecs:us-east-1:000000000000:task-definition/web:3",
        Status = "ACTIVE",
        RegisteredAt = DateTimeOffset.UnixEpoch,
        Definition = Definition,
    };

    [Fact]
    public void Build_Definition_MapsEveryContainerField()
    {
        var spec = TaskSpecBuilder.Build(Task(), Record(), []);

        Assert.Equal(2, spec.Containers.Count);
        var web = spec.Containers[0];
        Assert.Equal("wharf/web:latest", web.Image);
        Assert.Equal(128, web.Cpu);
        Assert.Equal(256, web.Memory);
        Assert.Equal(0, web.PortMappings[0].HostPort);
        Assert.Equal("blue", web.Environment["COLOR"]);
        Assert.Equal(["httpd", "-f"], web.Command!);
        Assert.Equal("a", web.DockerLabels["team"]);
        Assert.Equal(5, web.HealthCheck!.Interval);
        Assert.Equal(2, web.HealthCheck.Retries);
        Assert.Equal(5, web.HealthCheck.Timeout);
        Assert.Equal("SUCCESS", web.DependsOn[0].Condition);
        Assert.True(web.MountPoints[0].ReadOnly);
        Assert.False(spec.Containers[1].Essential);
        Assert.Equal("/srv/data", spec.Volumes[0].HostSourcePath);
    }

    [Fact]
    public void Build_ContainerOverrides_ReplaceCommandAndMergeEnvironment()
    {
        var overrides = JsonNode.Parse("""
            {"containerOverrides": [{"name": "web", "command": ["sh"], "environment": [{"name": "COLOR", "value": "red"}], "memory": 512}]}
            """)!.AsObject();

        var web = TaskSpecBuilder.Build(Task(overrides), Record(), []).Containers[0];

        Assert.Equal(["sh"], web.Command!);
        Assert.Equal("red", web.Environment["COLOR"]);
        Assert.Equal("m", web.Environment["SIZE"]);
        Assert.Equal(512, web.Memory);
    }

    [Fact]
    public void Build_AwsvpcTask_CarriesItsInterface()
    {
        var task = Task() with
        {
            NetworkInterface = new TaskNetworkInterfaceRecord
            {
                AttachmentId = "0b1e4b3c-1111-2222-3333-444455556666",
                Status = "PRECREATED",
                NetworkInterfaceId = "eni-0123456789abcdef0",
                SubnetId = "subnet-0123456789abcdef0",
                SubnetCidr = "172.31.0.0/20",
            },
        };
        var record = Record() with { Definition = Definition.Replace("\"bridge\"", "\"awsvpc\"", StringComparison.Ordinal) };

        var spec = TaskSpecBuilder.Build(task, record, ["172.17.0.1"]);

        Assert.Equal("awsvpc", spec.NetworkMode);
        Assert.Equal(
            new Protocol.AgentChannel.AwsvpcSpec
            {
                AttachmentId = "0b1e4b3c-1111-2222-3333-444455556666",
                NetworkInterfaceId = "eni-0123456789abcdef0",
                SubnetId = "subnet-0123456789abcdef0",
                SubnetCidr = "172.31.0.0/20",
            },
            spec.Awsvpc);
        Assert.Equal(["172.17.0.1"], spec.DnsServers);
    }

    [Fact]
    public void Build_BridgeTask_NoInterface()
    {
        Assert.Null(TaskSpecBuilder.Build(Task(), Record(), []).Awsvpc);
    }
}
