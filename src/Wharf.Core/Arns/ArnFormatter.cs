namespace Wharf.Core.Arns;

/// <summary>
/// Builds the long-format ECS ARNs for this endpoint's region and account, e.g.
/// <c>arn:aws:ecs:us-east-1:000000000000:task/default/0123456789abcdef0123456789abcdef</c>.
/// Arguments are trusted (names and ids this server validated or generated); nothing is escaped.
/// Thread-safe and allocation-light: one concatenation per ARN.
/// </summary>
public sealed class ArnFormatter
{
    private readonly string _prefix;

    /// <summary>Creates a formatter for <paramref name="account"/>.</summary>
    public ArnFormatter(AccountContext account)
    {
        ArgumentNullException.ThrowIfNull(account);
        Account = account;
        _prefix = $"arn:{account.Partition}:ecs:{account.Region}:{account.AccountId}:";
    }

    /// <summary>The region and account the ARNs carry.</summary>
    public AccountContext Account { get; }

    /// <summary><c>arn:{partition}:ecs:{region}:{account}:</c>, shared by every ARN this formatter builds.</summary>
    public string Prefix => _prefix;

    /// <summary><c>…:cluster/{name}</c>.</summary>
    public string ClusterArn(string clusterName) => string.Concat(_prefix, "cluster/", clusterName);

    /// <summary><c>…:task/{cluster}/{id}</c>.</summary>
    public string TaskArn(string clusterName, string taskId) =>
        string.Concat(_prefix, "task/", clusterName, "/", taskId);

    /// <summary><c>…:container-instance/{cluster}/{id}</c>.</summary>
    public string ContainerInstanceArn(string clusterName, string containerInstanceId) =>
        string.Concat(_prefix, "container-instance/", clusterName, "/", containerInstanceId);

    /// <summary><c>…:task-definition/{family}:{revision}</c>.</summary>
    public string TaskDefinitionArn(string family, int revision) =>
        $"{_prefix}task-definition/{family}:{revision}";

    /// <summary><c>…:task-definition/{family}:{revision}</c>.</summary>
    public string TaskDefinitionArn(TaskDefinitionReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return reference.Revision is { } revision
            ? TaskDefinitionArn(reference.Family, revision)
            : throw new ArgumentException("A task definition ARN needs a revision.", nameof(reference));
    }

    /// <summary><c>…:service/{cluster}/{name}</c>.</summary>
    public string ServiceArn(string clusterName, string serviceName) =>
        string.Concat(_prefix, "service/", clusterName, "/", serviceName);

    /// <summary><c>…:container/{cluster}/{taskId}/{containerId}</c>.</summary>
    public string ContainerArn(string clusterName, string taskId, string containerId) =>
        string.Concat(_prefix, "container/", clusterName, "/", taskId, "/", containerId);

    /// <summary><c>…:task-set/{cluster}/{service}/{taskSetId}</c>; the id looks like <c>ecs-svc/1234567890123456789</c>.</summary>
    public string TaskSetArn(string clusterName, string serviceName, string taskSetId) =>
        string.Concat(_prefix, "task-set/", clusterName, "/", serviceName, "/", taskSetId);

    /// <summary><c>…:capacity-provider/{name}</c>.</summary>
    public string CapacityProviderArn(string name) => string.Concat(_prefix, "capacity-provider/", name);
}
