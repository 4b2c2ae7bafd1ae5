using Wharf.Core.Model;
using Wharf.Protocol.Errors;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.Ec2;
using Wharf.Server.Tests.Ecs.Services;
using Xunit;
using EcsLoadBalancer = Wharf.Protocol.Generated.Ecs.LoadBalancer;
using Task = System.Threading.Tasks.Task;

namespace Wharf.Server.Tests.Controllers;

/// <summary>What CreateService accepts as load balancers and service registries for an awsvpc definition.</summary>
public sealed class ServiceAwsvpcAttachmentTests
{
    private const string InstanceGroup = "arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/web/0123456789abcdef";
    private const string IpGroup = "arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/ip/0123456789abcdef";
    private const string Registry = "arn:aws:servicediscovery:us-east-1:000000000000:service/srv-abcdefghijklmnop";
    private readonly ServiceTestBed bed = new();

    private async Task SetUpAsync()
    {
        await bed.Tasks.ClusterAsync();
        await bed.Tasks.DefinitionAsync(configure: d => d.NetworkMode = "awsvpc", containers: new ContainerDefinition
        {
            Name = "web",
            Image = "wharf/web:latest",
            Cpu = 256,
            Memory = 512,
            Essential = true,
            PortMappings = [new PortMapping { ContainerPort = 80, Protocol = "tcp" }],
        });
        await bed.Tasks.InstanceAsync(zone: "us-east-1a");
        foreach (var (arn, type) in new[] { (InstanceGroup, "instance"), (IpGroup, "ip") })
        {
            await bed.Tasks.PutAsync(LoadBalancingKinds.TargetGroup, arn, "", new TargetGroupRecord
            {
                Arn = arn, Name = arn.Split('/')[1], CreatedAt = Ecs.Tasks.TaskTestBed.Start, Protocol = "HTTP", Port = 80, VpcId = "vpc-1",
                TargetType = type, HealthCheck = new HealthCheckSettings(),
            });
        }

        const string listener = "arn:aws:elasticloadbalancing:us-east-1:000000000000:listener/app/lb/0123456789abcdef/0123456789abcdef";
        await bed.Tasks.PutAsync(LoadBalancingKinds.Listener, listener, "lb", new ListenerRecord
        {
            Arn = listener, LoadBalancerArn = "lb", Port = 8080, Protocol = "HTTP", DefaultRuleId = "r",
            DefaultActions =
            [
                new RuleActionRecord { Type = "forward", TargetGroups = [new WeightedTargetGroup(InstanceGroup, 1), new WeightedTargetGroup(IpGroup, 1)] },
            ],
        });
        await bed.Tasks.PutAsync(DiscoveryKinds.Service, "srv-abcdefghijklmnop", "ns-1", new DiscoveryServiceRecord
        {
            Id = "srv-abcdefghijklmnop", Arn = Registry, Name = "web", NamespaceId = "ns-1", CreatedAt = Ecs.Tasks.TaskTestBed.Start, Type = "DNS_HTTP",
            DnsRecords = [new DiscoveryDnsRecord("A", 30), new DiscoveryDnsRecord("SRV", 30)],
        });
    }

    private Task<Service> CreateAsync(List<EcsLoadBalancer>? loadBalancers = null, List<ServiceRegistry>? registries = null) =>
        bed.CreateAsync(new CreateServiceRequest
        {
            ServiceName = "web",
            TaskDefinition = "web:1",
            DesiredCount = 1,
            NetworkConfiguration = new NetworkConfiguration
            {
                AwsvpcConfiguration = new AwsVpcConfiguration { Subnets = [DefaultNetwork.SubnetId("us-east-1a")] },
            },
            LoadBalancers = loadBalancers,
            ServiceRegistries = registries,
        });

    [Fact]
    public async Task CreateService_AwsvpcWithInstanceGroup_RefusedAsEcsDoes()
    {
        await SetUpAsync();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => CreateAsync(
            [new EcsLoadBalancer { TargetGroupArn = InstanceGroup, ContainerName = "web", ContainerPort = 80 }]));

        Assert.Equal("InvalidParameterException", error.Code);
        Assert.Equal(
            $"The provided target group {InstanceGroup} has target type instance, which is incompatible with the awsvpc network mode specified in the task definition.",
            error.Message);
    }

    [Fact]
    public async Task CreateService_AwsvpcWithIpGroup_Stored()
    {
        await SetUpAsync();

        await CreateAsync([new EcsLoadBalancer { TargetGroupArn = IpGroup, ContainerName = "web", ContainerPort = 80 }]);

        var lb = Assert.Single((await bed.DescribeAsync()).LoadBalancers!);
        Assert.Equal((IpGroup, "web", 80), (lb.TargetGroupArn, lb.ContainerName, lb.ContainerPort));
    }

    [Fact]
    public async Task CreateService_AwsvpcSrvRegistryWithPortOnly_Stored()
    {
        await SetUpAsync();

        await CreateAsync(registries: [new ServiceRegistry { RegistryArn = Registry, Port = 8080 }]);

        var registry = Assert.Single((await bed.DescribeAsync()).ServiceRegistries!);
        Assert.Equal((Registry, 8080, (string?)null), (registry.RegistryArn, registry.Port, registry.ContainerName));
    }

    [Fact]
    public async Task CreateService_AwsvpcSrvRegistryWithoutAnyPort_Refused()
    {
        await SetUpAsync();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => CreateAsync(registries: [new ServiceRegistry { RegistryArn = Registry }]));

        Assert.Equal("InvalidParameterException", error.Code);
        Assert.Contains("has SRV DNS records", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateService_RegistryWithContainerPortAndPort_RefusedAsEcsDoes()
    {
        await SetUpAsync();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => CreateAsync(
            registries: [new ServiceRegistry { RegistryArn = Registry, ContainerName = "web", ContainerPort = 80, Port = 80 }]));

        Assert.Equal("InvalidParameterException", error.Code);
        Assert.EndsWith("not both.", error.Message, StringComparison.Ordinal);
    }
}
