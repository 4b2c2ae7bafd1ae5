using Wharf.Protocol.Generated.Ecs;
using Xunit;
using Task = System.Threading.Tasks.Task;

namespace Wharf.Server.Tests.Ecs.TaskDefinitions;

/// <summary>Every RegisterTaskDefinition rule: a valid definition broken in one way is refused, and nothing is stored.</summary>
public sealed class TaskDefinitionValidationTests
{
    private static ContainerDefinition Web(RegisterTaskDefinitionRequest r) => r.ContainerDefinitions![0];

    private static ContainerDefinition Second(string name = "db") =>
        new() { Name = name, Image = "wharf/busybox", Memory = 64, Essential = false };

    public static TheoryData<string, Action<RegisterTaskDefinitionRequest>, string> Broken => new()
    {
        { "family with a space", r => r.Family = "my web", "family" },
        { "no containers", r => r.ContainerDefinitions = [], "Container list cannot be empty." },
        { "eleven containers", r => r.ContainerDefinitions = Enumerable.Range(0, 11).Select(i => Second($"c{i}")).ToList(), "at most 10" },
        { "no image", r => Web(r).Image = "", "Container.image should not be null or empty." },
        { "no name", r => Web(r).Name = null, "Container.name should not be null or empty." },
        { "duplicate names", r => r.ContainerDefinitions!.Add(Second("web")), "unique" },
        { "no memory anywhere", r => Web(r).Memory = null, "At least one of 'memory' or 'memoryReservation' must be specified." },
        { "memory below reservation", r => Web(r).MemoryReservation = 256, "'memoryReservation' (256)" },
        { "memory below 6 MiB", r => Web(r).Memory = 4, "minimum is 6 MiB" },
        { "negative cpu", r => Web(r).Cpu = -1, "'cpu' setting for container" },
        { "task cpu too small", r => r.Cpu = "64", "Invalid 'cpu' setting for task." },
        { "task cpu not a number", r => r.Cpu = "lots", "Invalid 'cpu' setting for task." },
        { "task memory not a number", r => r.Memory = "2TB", "Invalid 'memory' setting for task." },
        { "container memory above task memory", r => r.Memory = "64", "exceeds the task 'memory'" },
        { "reservations above task memory", r => { r.Memory = "150"; r.ContainerDefinitions!.Add(Second()); }, "total memory reserved" },
        { "container cpu above task cpu", r => { r.Cpu = "128"; Web(r).Cpu = 256; }, "exceeds the task 'cpu'" },
        { "no essential container", r => Web(r).Essential = false, "at least one essential container" },
        { "unknown network mode", r => r.NetworkMode = "overlay", "networkMode" },
        { "port mappings in none mode", r => r.NetworkMode = "none", "networkMode=none" },
        { "host mode port mismatch", r => { r.NetworkMode = "host"; Web(r).PortMappings = [new PortMapping { ContainerPort = 80, HostPort = 8080 }]; }, "must match" },
        { "awsvpc port mismatch", r => { r.NetworkMode = "awsvpc"; Web(r).PortMappings = [new PortMapping { ContainerPort = 80, HostPort = 81 }]; }, "must match" },
        { "container port zero", r => Web(r).PortMappings = [new PortMapping { ContainerPort = 0 }], "containerPort must be between 1 and 65535" },
        { "host port too big", r => Web(r).PortMappings = [new PortMapping { ContainerPort = 80, HostPort = 70000 }], "hostPort must be between 0 and 65535" },
        { "unknown protocol", r => Web(r).PortMappings = [new PortMapping { ContainerPort = 80, Protocol = "sctp" }], "protocol" },
        {
            "static host port used twice",
            r =>
            {
                Web(r).PortMappings = [new PortMapping { ContainerPort = 80, HostPort = 8080 }];
                var db = Second();
                db.PortMappings = [new PortMapping { ContainerPort = 5432, HostPort = 8080 }];
                r.ContainerDefinitions!.Add(db);
            },
            "Host port 8080/tcp is used by more than one"
        },
        { "duplicate mapping", r => Web(r).PortMappings = [new PortMapping { ContainerPort = 80 }, new PortMapping { ContainerPort = 80 }], "Duplicate port mapping" },
        { "links in awsvpc mode", r => { r.NetworkMode = "awsvpc"; Web(r).PortMappings = []; r.ContainerDefinitions!.Add(Second()); Web(r).Links = ["db"]; }, "Links are not supported" },
        { "link to unknown container", r => Web(r).Links = ["cache"], "'cache' is not another container" },
        { "dependsOn unknown container", r => Web(r).DependsOn = [new ContainerDependency { ContainerName = "db", Condition = "START" }], "'db' is not another container" },
        { "dependsOn bad condition", r => { r.ContainerDefinitions!.Add(Second()); Web(r).DependsOn = [new ContainerDependency { ContainerName = "db", Condition = "READY" }]; }, "condition" },
        {
            "COMPLETE on essential container",
            r =>
            {
                var db = Second();
                db.Essential = true;
                r.ContainerDefinitions!.Add(db);
                Web(r).DependsOn = [new ContainerDependency { ContainerName = "db", Condition = "COMPLETE" }];
            },
            "cannot be set on the essential container"
        },
        { "HEALTHY without health check", r => { r.ContainerDefinitions!.Add(Second()); Web(r).DependsOn = [new ContainerDependency { ContainerName = "db", Condition = "HEALTHY" }]; }, "needs a healthCheck" },
        {
            "dependency cycle",
            r =>
            {
                var db = Second();
                db.DependsOn = [new ContainerDependency { ContainerName = "web", Condition = "START" }];
                r.ContainerDefinitions!.Add(db);
                Web(r).DependsOn = [new ContainerDependency { ContainerName = "db", Condition = "START" }];
            },
            "cycle"
        },
        { "mount of unknown volume", r => Web(r).MountPoints = [new MountPoint { SourceVolume = "data", ContainerPath = "/data" }], "'data' is not a volume" },
        { "mount without path", r => { r.Volumes = [new Volume { Name = "data" }]; Web(r).MountPoints = [new MountPoint { SourceVolume = "data" }]; }, "containerPath" },
        { "duplicate volume", r => r.Volumes = [new Volume { Name = "data" }, new Volume { Name = "data" }], "unique" },
        { "relative host path", r => r.Volumes = [new Volume { Name = "data", Host = new HostVolumeProperties { SourcePath = "srv/data" } }], "absolute" },
        {
            "two volume kinds",
            r => r.Volumes = [new Volume { Name = "v", Host = new HostVolumeProperties(), DockerVolumeConfiguration = new DockerVolumeConfiguration() }],
            "at most one"
        },
        { "volumesFrom itself", r => Web(r).VolumesFrom = [new VolumeFrom { SourceContainer = "web" }], "volumesFrom" },
        { "health check interval 4", r => Web(r).HealthCheck = new HealthCheck { Command = ["CMD", "true"], Interval = 4 }, "interval must be between 5 and 300" },
        { "health check timeout 61", r => Web(r).HealthCheck = new HealthCheck { Command = ["CMD", "true"], Timeout = 61 }, "timeout must be between 2 and 60" },
        { "health check retries 11", r => Web(r).HealthCheck = new HealthCheck { Command = ["CMD", "true"], Retries = 11 }, "retries must be between 1 and 10" },
        { "health check start period 301", r => Web(r).HealthCheck = new HealthCheck { Command = ["CMD", "true"], StartPeriod = 301 }, "startPeriod must be between 0 and 300" },
        { "health check without CMD", r => Web(r).HealthCheck = new HealthCheck { Command = ["curl", "localhost"] }, "CMD or CMD-SHELL" },
        { "unknown log driver", r => Web(r).LogConfiguration = new LogConfiguration { LogDriver = "loki" }, "logDriver" },
        { "ulimit soft above hard", r => Web(r).Ulimits = [new Ulimit { Name = "nofile", SoftLimit = 10, HardLimit = 5 }], "softLimit" },
        { "fargate in bridge mode", r => r.RequiresCompatibilities = ["FARGATE"], "Fargate only supports network mode" },
        {
            "fargate size that does not exist",
            r => { r.RequiresCompatibilities = ["FARGATE"]; r.NetworkMode = "awsvpc"; Web(r).PortMappings = []; r.Cpu = "256"; r.Memory = "4096"; },
            "No Fargate configuration"
        },
        { "placement constraint that does not parse", r => r.PlacementConstraints = [new TaskDefinitionPlacementConstraint { Type = "memberOf", Expression = "attribute:x ==" }], "placement constraint" },
        { "distinctInstance in a definition", r => r.PlacementConstraints = [new TaskDefinitionPlacementConstraint { Type = "distinctInstance" }], "placementConstraints.type" },
        { "reserved tag", r => r.Tags = [new Tag { Key = "aws:x", Value = "y" }], "aws:" },
        {
            "secrets without an execution role",
            r => Web(r).Secrets = [new Secret { Name = "DB_PASSWORD", ValueFrom = "arn:aws:ssm:us-east-1:000000000000:parameter/db" }],
            "When you are specifying container secrets, you must also specify a value for 'executionRoleArn'."
        },
        {
            "registry credentials without an execution role",
            r => Web(r).RepositoryCredentials = new RepositoryCredentials { CredentialsParameter = "arn:aws:secretsmanager:us-east-1:000000000000:secret:reg-AbCdEf" },
            "Private repository authentication requires that the task definition specify a value for executionRoleArn."
        },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public async Task HandleAsync_BrokenDefinition_IsRefusedAndNothingStored(string why, Action<RegisterTaskDefinitionRequest> breakIt, string expected)
    {
        var bed = new EcsTestBed();
        var request = EcsTestBed.WebDefinition();
        breakIt(request);

        var error = await EcsTestBed.FailsAsync(async () => await bed.RegisterTaskDefinition.HandleAsync(request, EcsTestBed.Context, default));

        Assert.True(error.Code is "ClientException" or "InvalidParameterException", why);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, bed.Store.Commits);
    }

    [Fact]
    public async Task HandleAsync_SecretsAndRegistryCredentialsWithExecutionRole_AreAcceptedWithTheirAttributes()
    {
        var bed = new EcsTestBed();
        var request = EcsTestBed.WebDefinition();
        request.ExecutionRoleArn = "arn:aws:iam::000000000000:role/ecsTaskExecutionRole";
        Web(request).Secrets =
        [
            new Secret { Name = "DB_PASSWORD", ValueFrom = "arn:aws:ssm:us-east-1:000000000000:parameter/db" },
            new Secret { Name = "API_KEY", ValueFrom = "arn:aws:secretsmanager:us-east-1:000000000000:secret:api-AbCdEf" },
        ];
        Web(request).RepositoryCredentials = new RepositoryCredentials { CredentialsParameter = "arn:aws:secretsmanager:us-east-1:000000000000:secret:reg-AbCdEf" };

        var definition = await bed.RegisterAsync(request);

        Assert.Equal(2, definition.ContainerDefinitions![0].Secrets!.Count);
        Assert.Superset(
            new HashSet<string>(
            [
                "ecs.capability.secrets.ssm.environment-variables",
                "ecs.capability.secrets.asm.environment-variables",
                "com.amazonaws.ecs.capability.private-registry-authentication.secretsmanager",
            ]),
            definition.RequiresAttributes!.Select(a => a.Name!).ToHashSet());
    }

    [Fact]
    public async Task HandleAsync_MemoryEqualToReservation_IsAccepted()
    {
        var bed = new EcsTestBed();
        var request = EcsTestBed.WebDefinition();
        Web(request).MemoryReservation = 128;

        var definition = await bed.RegisterAsync(request);

        Assert.Equal(128, definition.ContainerDefinitions![0].MemoryReservation);
    }

    [Fact]
    public async Task HandleAsync_TaskMemoryWithoutContainerMemory_IsAccepted()
    {
        var bed = new EcsTestBed();
        var request = EcsTestBed.WebDefinition();
        request.Memory = "512";
        Web(request).Memory = null;

        var definition = await bed.RegisterAsync(request);

        Assert.Equal("512", definition.Memory);
    }

    [Fact]
    public async Task HandleAsync_LinksVolumesAndDependenciesInBridgeMode_AreAccepted()
    {
        var bed = new EcsTestBed();
        var request = EcsTestBed.WebDefinition();
        var db = Second();
        db.HealthCheck = new HealthCheck { Command = ["CMD-SHELL", "true"], Interval = 5, Timeout = 2, Retries = 1, StartPeriod = 0 };
        db.MountPoints = [new MountPoint { SourceVolume = "data", ContainerPath = "/var/lib/db" }];
        request.ContainerDefinitions!.Add(db);
        request.Volumes =
        [
            new Volume { Name = "data", Host = new HostVolumeProperties { SourcePath = "/srv/db" } },
            new Volume { Name = "cache", DockerVolumeConfiguration = new DockerVolumeConfiguration { Scope = "shared", Autoprovision = true } },
        ];
        Web(request).Links = ["db:database"];
        Web(request).DependsOn = [new ContainerDependency { ContainerName = "db", Condition = "HEALTHY" }];
        Web(request).VolumesFrom = [new VolumeFrom { SourceContainer = "db", ReadOnly = true }];

        var definition = await bed.RegisterAsync(request);

        Assert.Equal(2, definition.ContainerDefinitions!.Count);
        Assert.Equal("local", definition.Volumes!.Single(v => v.Name == "cache").DockerVolumeConfiguration!.Driver);
    }
}
