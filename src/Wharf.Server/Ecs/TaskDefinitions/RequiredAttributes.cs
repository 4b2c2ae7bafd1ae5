using Wharf.Protocol.Generated.Ecs;

namespace Wharf.Server.Ecs.TaskDefinitions;

/// <summary>
/// The <c>requiresAttributes</c> ECS derives from the features a task definition uses: the Docker
/// Remote API version a parameter needs (as the developer guide's task definition parameters state
/// it) and the agent capabilities (<c>ecs.capability.*</c>, <c>com.amazonaws.ecs.capability.*</c>).
/// Placement only puts a task on an instance that advertises all of them, so the Wharf agent
/// advertises every capability it implements.
/// </summary>
internal static class RequiredAttributes
{
    public const string DockerApiPrefix = "com.amazonaws.ecs.capability.docker-remote-api.";
    public const string LoggingDriverPrefix = "com.amazonaws.ecs.capability.logging-driver.";
    public const string TaskIamRole = "com.amazonaws.ecs.capability.task-iam-role";
    public const string ContainerHealthCheck = "ecs.capability.container-health-check";
    public const string ContainerOrdering = "ecs.capability.container-ordering";
    public const string TaskEni = "ecs.capability.task-eni";
    public const string EcrAuth = "com.amazonaws.ecs.capability.ecr-auth";
    public const string PrivateRegistryAuth = "com.amazonaws.ecs.capability.private-registry-authentication.secretsmanager";
    public const string SsmSecrets = "ecs.capability.secrets.ssm.environment-variables";
    public const string AsmSecrets = "ecs.capability.secrets.asm.environment-variables";
    public const string EnvFiles = "ecs.capability.env-files.s3";
    public const string ExecutionRoleAwslogs = "ecs.capability.execution-role-awslogs";
    public const string ExecutionRoleEcrPull = "ecs.capability.execution-role-ecr-pull";
    public const string Efs = "ecs.capability.efs";
    public const string EfsAuth = "ecs.capability.efsAuth";

    public static List<Protocol.Generated.Ecs.Attribute> For(RegisterTaskDefinitionRequest request)
    {
        var names = new List<string>();
        void Add(string name)
        {
            if (!names.Contains(name))
            {
                names.Add(name);
            }
        }

        var containers = request.ContainerDefinitions ?? [];
        foreach (var container in containers)
        {
            if (container.MemoryReservation is not null)
            {
                Add(DockerApiPrefix + "1.21");
            }

            if (container.DockerLabels is { Count: > 0 })
            {
                Add(DockerApiPrefix + "1.18");
            }

            if (container.Ulimits is { Count: > 0 })
            {
                Add(DockerApiPrefix + "1.18");
            }

            if (container.LogConfiguration?.LogDriver is { } driver)
            {
                Add(DockerApiPrefix + "1.18");
                Add(LoggingDriverPrefix + driver);
                if (driver == "awslogs")
                {
                    Add(DockerApiPrefix + "1.19");
                    if (request.ExecutionRoleArn is not null)
                    {
                        Add(ExecutionRoleAwslogs);
                    }
                }
            }

            if (container.HealthCheck is not null)
            {
                Add(ContainerHealthCheck);
                Add(DockerApiPrefix + "1.24");
            }

            if (container.DependsOn is { Count: > 0 } || container.StartTimeout is not null || container.StopTimeout is not null)
            {
                Add(ContainerOrdering);
            }

            if (container.LinuxParameters?.InitProcessEnabled == true)
            {
                Add(DockerApiPrefix + "1.25");
            }

            if (container.Image is { } image && image.Contains(".dkr.ecr.", StringComparison.Ordinal))
            {
                Add(EcrAuth);
                if (request.ExecutionRoleArn is not null)
                {
                    Add(ExecutionRoleEcrPull);
                }
            }

            if (container.RepositoryCredentials is not null)
            {
                Add(PrivateRegistryAuth);
            }

            foreach (var secret in container.Secrets ?? [])
            {
                Add(secret.ValueFrom?.Contains(":secretsmanager:", StringComparison.Ordinal) == true ? AsmSecrets : SsmSecrets);
            }

            if (container.EnvironmentFiles is { Count: > 0 })
            {
                Add(EnvFiles);
            }
        }

        if (request.TaskRoleArn is not null)
        {
            Add(TaskIamRole);
        }

        if (request.NetworkMode == "awsvpc")
        {
            Add(TaskEni);
        }

        foreach (var volume in request.Volumes ?? [])
        {
            if (volume.DockerVolumeConfiguration is not null)
            {
                Add(DockerApiPrefix + "1.25");
            }

            if (volume.EfsVolumeConfiguration is { } efs)
            {
                Add(Efs);
                if (efs.AuthorizationConfig is not null)
                {
                    Add(EfsAuth);
                }
            }
        }

        return names.Select(n => new Protocol.Generated.Ecs.Attribute { Name = n }).ToList();
    }
}
