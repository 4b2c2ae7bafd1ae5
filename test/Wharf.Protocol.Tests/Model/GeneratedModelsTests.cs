using Wharf.Protocol.Generated;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Protocol.Model;

namespace Wharf.Protocol.Tests.Model;

public sealed class GeneratedModelsTests
{
    [Fact]
    public void All_EveryServiceModel_BuildsWithResolvedShapes()
    {
        var models = GeneratedServiceModels.All();

        Assert.Equal(9, models.Count);
        foreach (var model in models)
        {
            Assert.NotEmpty(model.Operations);
            foreach (var shape in model.Shapes.Values)
            {
                Assert.All(shape.Members, m => Assert.NotNull(m.Shape));
            }
        }
    }

    [Fact]
    public void EcsModel_CreateService_HasTypesRequiredMembersAndErrors()
    {
        var op = EcsServiceModel.Instance.FindOperation("CreateService");

        Assert.NotNull(op);
        Assert.Equal(typeof(CreateServiceRequest), op.InputType);
        Assert.Equal(typeof(CreateServiceResponse), op.OutputType);
        Assert.Equal(["serviceName"], op.Input!.RequiredMembers.Select(m => m.Name));
        Assert.Contains(op.Errors, e => e.Name == "ClusterNotFoundException" && e.HttpStatusCode == 400 && e.SenderFault);
        Assert.Contains(op.Errors, e => e.Name == "ServerException" && e.HttpStatusCode == 500 && !e.SenderFault);
    }

    [Fact]
    public void EcsModel_Metadata_MatchesBotocore()
    {
        var md = EcsServiceModel.Instance.Metadata;

        Assert.Equal("AmazonEC2ContainerServiceV20141113", md.TargetPrefix);
        Assert.Equal("1.1", md.JsonVersion);
        Assert.Equal("ecs", md.SigningName);
        Assert.Equal([AwsProtocols.Json], md.Protocols);
    }

    [Fact]
    public void MemberAccessors_SetThenGet_RoundTrip()
    {
        var shape = EcsServiceModel.Instance.FindShape(typeof(Cluster))!;
        var member = shape.FindMember("runningTasksCount")!;
        var cluster = (Cluster)shape.CreateInstance();

        member.Set(cluster, 3);

        Assert.Equal(3, cluster.RunningTasksCount);
        Assert.Equal(3, member.Get(cluster));
        Assert.Equal("RunningTasksCount", member.ClrName);
    }

    [Fact]
    public void EnumValues_IsDefined_IsCaseSensitive()
    {
        Assert.True(LaunchTypeValues.IsDefined(LaunchTypeValues.Ec2));
        Assert.False(LaunchTypeValues.IsDefined("ec2"));
        Assert.False(LaunchTypeValues.IsDefined(null));
    }
}
