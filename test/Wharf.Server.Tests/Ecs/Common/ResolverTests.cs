using Wharf.Core.Model;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.Ecs.Common;
using Xunit;
using Task = System.Threading.Tasks.Task;

namespace Wharf.Server.Tests.Ecs.Common;

public sealed class ResolverTests
{
    private readonly EcsTestBed bed = new();

    [Fact]
    public void NameOf_Null_IsDefault() => Assert.Equal("default", bed.Clusters.NameOf(null));

    [Fact]
    public void NameOf_ClusterArn_IsItsName() =>
        Assert.Equal("prod", bed.Clusters.NameOf(EcsTestBed.Prefix + "cluster/prod"));

    [Theory]
    [InlineData("arn:aws:ecs:eu-west-1:000000000000:cluster/prod")]
    [InlineData("arn:aws:ecs:us-east-1:111111111111:cluster/prod")]
    [InlineData("arn:aws:ecs:us-east-1:000000000000:service/prod/web")]
    [InlineData("arn:aws:ecs")]
    public void NameOf_ArnOfAnotherRegionAccountOrType_IsInvalidParameter(string reference)
    {
        var error = Assert.Throws<Protocol.Errors.AwsServiceException>(() => bed.Clusters.NameOf(reference));

        Assert.Equal("InvalidParameterException", error.Code);
    }

    [Fact]
    public async Task ResolveAsync_UnknownCluster_IsClusterNotFound()
    {
        var error = await EcsTestBed.FailsAsync(async () => await bed.Clusters.ResolveAsync("nope", default));

        Assert.Equal("ClusterNotFoundException", error.Code);
        Assert.Equal("Cluster not found.", error.Message);
    }

    [Fact]
    public async Task ResolveAsync_DeletedCluster_IsClusterNotFoundSayingInactive()
    {
        await bed.CreateClusterAsync("old");
        await bed.DeleteCluster.HandleAsync(new DeleteClusterRequest { Cluster = "old" }, EcsTestBed.Context, default);

        var error = await EcsTestBed.FailsAsync(async () => await bed.Clusters.ResolveAsync("old", default));

        Assert.Equal("ClusterNotFoundException", error.Code);
        Assert.Contains("inactive", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindAsync_FamilyAlone_IsLatestActiveRevision()
    {
        await bed.RegisterAsync();
        await bed.RegisterAsync();
        await bed.RegisterAsync();
        await bed.DeregisterTaskDefinition.HandleAsync(new DeregisterTaskDefinitionRequest { TaskDefinition = "web:3" }, EcsTestBed.Context, default);

        var found = await bed.Definitions.FindAsync("web", default);

        Assert.Equal(2, found!.Value.Revision);
    }

    [Fact]
    public async Task FindAsync_FamilyAndRevisionOfInactive_FindsIt()
    {
        await bed.RegisterAsync();
        await bed.DeregisterTaskDefinition.HandleAsync(new DeregisterTaskDefinitionRequest { TaskDefinition = "web:1" }, EcsTestBed.Context, default);

        var found = await bed.Definitions.FindAsync(EcsTestBed.Prefix + "task-definition/web:1", default);

        Assert.Equal("INACTIVE", found!.Value.Status);
    }

    [Fact]
    public async Task ResolveAsync_UnknownDefinition_IsClientExceptionTaskDefinitionNotFound()
    {
        var error = await EcsTestBed.FailsAsync(async () => await bed.Definitions.ResolveAsync("ghost:4", default));

        Assert.Equal("ClientException", error.Code);
        Assert.Equal("TaskDefinition not found.", error.Message);
    }

    [Theory]
    [InlineData("web:zero")]
    [InlineData("web:0")]
    [InlineData("arn:aws:ecs:us-east-1:000000000000:task-definition/web")]
    [InlineData("bad name")]
    public void Parse_MalformedReference_IsInvalidParameter(string reference)
    {
        var error = Assert.Throws<Protocol.Errors.AwsServiceException>(() => bed.Definitions.Parse(reference));

        Assert.Equal("InvalidParameterException", error.Code);
    }

    [Fact]
    public void InstanceResources_Remaining_SubtractsActiveTasksOnly()
    {
        var instance = new ContainerInstanceRecord
        {
            Arn = "ci", Id = "id", ClusterArn = "c", Ec2InstanceId = "i-1", Status = "ACTIVE", AgentConnected = true,
            RegisteredAt = EcsTestBed.Start, AgentVersion = "1", DockerVersion = "20", RegisteredCpu = 2048, RegisteredMemory = 4096,
            HostReservedPorts = ["22/tcp", "53/udp"],
        };
        TaskRecord MakeTask(string status, int cpu, int memory, params string[] ports) => new()
        {
            Arn = "t" + status, Id = "x", ClusterArn = "c", TaskDefinitionArn = "td", Family = "web", Revision = 1,
            LastStatus = status, DesiredStatus = "RUNNING", ReservedCpu = cpu, ReservedMemory = memory, ReservedPorts = ports,
            CreatedAt = EcsTestBed.Start, Containers = [],
        };

        var remaining = InstanceResources.Remaining(instance, [MakeTask("RUNNING", 512, 1024, "80/tcp"), MakeTask("PENDING", 256, 256), MakeTask("STOPPED", 1024, 1024, "81/tcp")]);

        Assert.Equal(1280, remaining.Single(r => r.Name == "CPU").IntegerValue);
        Assert.Equal(2816, remaining.Single(r => r.Name == "MEMORY").IntegerValue);
        Assert.Equal(["22", "80"], remaining.Single(r => r.Name == "PORTS").StringSetValue!);
        Assert.Equal(["53"], remaining.Single(r => r.Name == "PORTS_UDP").StringSetValue!);
    }

    [Theory]
    [InlineData("aws:owner", "x")]
    [InlineData("AWS:owner", "x")]
    [InlineData("", "x")]
    [InlineData("bad#key", "x")]
    public void ResourceTags_Validate_BadKey_IsInvalidParameter(string key, string value)
    {
        var error = Assert.Throws<Protocol.Errors.AwsServiceException>(() => ResourceTags.Validate([new Tag { Key = key, Value = value }]));

        Assert.Equal("InvalidParameterException", error.Code);
    }

    [Fact]
    public void ResourceTags_Validate_LongKeyValueOrTooMany_IsInvalidParameter()
    {
        Assert.Throws<Protocol.Errors.AwsServiceException>(() => ResourceTags.Validate([new Tag { Key = new string('k', 129), Value = "v" }]));
        Assert.Throws<Protocol.Errors.AwsServiceException>(() => ResourceTags.Validate([new Tag { Key = "k", Value = new string('v', 257) }]));
        Assert.Throws<Protocol.Errors.AwsServiceException>(() =>
            ResourceTags.Validate(Enumerable.Range(0, 51).Select(i => new Tag { Key = $"k{i}", Value = "v" }).ToList()));
        ResourceTags.Validate([new Tag { Key = new string('k', 128), Value = new string('v', 256) }]);
    }
}
