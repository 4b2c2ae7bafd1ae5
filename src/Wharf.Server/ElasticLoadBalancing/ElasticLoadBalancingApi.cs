using Microsoft.Extensions.DependencyInjection.Extensions;
using Wharf.LoadBalancer;
using Wharf.Protocol.Generated.ElasticLoadBalancingV2;
using Wharf.Server.Api;
using Wharf.Server.Ec2;
using Wharf.Server.ElasticLoadBalancing.Common;
using Wharf.Server.ElasticLoadBalancing.Listeners;
using Wharf.Server.ElasticLoadBalancing.LoadBalancers;
using Wharf.Server.ElasticLoadBalancing.Rules;
using Wharf.Server.ElasticLoadBalancing.Tagging;
using Wharf.Server.ElasticLoadBalancing.TargetGroups;
using Wharf.Server.ElasticLoadBalancing.Targets;

namespace Wharf.Server.ElasticLoadBalancing;

/// <summary>Registers the ELBv2 operations Wharf serves and the helpers they share.</summary>
internal static class ElasticLoadBalancingApi
{
    public const string Service = "elasticloadbalancing";

    public static void Register(AwsApiBuilder api, bool dataPlane)
    {
        var services = api.Services;
        services.TryAddSingleton<DefaultNetwork>();
        services.TryAddSingleton<ElbNames>();
        services.TryAddSingleton<ElbState>();
        services.TryAddSingleton<IListenerPortProbe, SocketPortProbe>();
        services.TryAddSingleton<ListenerPorts>();
        services.TryAddSingleton<RuleLookup>();
        services.TryAddSingleton<TargetResolver>();
        services.TryAddSingleton<TaggableElbResources>();

        // The data plane runs in the server process (wharf up), on the same store, unless a
        // separate `wharf lb` serves it; the request counts stay registered for the metrics either way.
        if (dataPlane)
        {
            services.AddWharfLoadBalancer();
        }
        else
        {
            services.TryAddSingleton(new RequestCounts());
        }

        api.Add<CreateLoadBalancerHandler, CreateLoadBalancerInput, CreateLoadBalancerOutput>(Service, "CreateLoadBalancer")
            .Add<DescribeLoadBalancersHandler, DescribeLoadBalancersInput, DescribeLoadBalancersOutput>(Service, "DescribeLoadBalancers")
            .Add<DeleteLoadBalancerHandler, DeleteLoadBalancerInput, DeleteLoadBalancerOutput>(Service, "DeleteLoadBalancer")
            .Add<DescribeLoadBalancerAttributesHandler, DescribeLoadBalancerAttributesInput, DescribeLoadBalancerAttributesOutput>(
                Service, "DescribeLoadBalancerAttributes")
            .Add<ModifyLoadBalancerAttributesHandler, ModifyLoadBalancerAttributesInput, ModifyLoadBalancerAttributesOutput>(
                Service, "ModifyLoadBalancerAttributes")
            .Add<DescribeCapacityReservationHandler, DescribeCapacityReservationInput, DescribeCapacityReservationOutput>(
                Service, "DescribeCapacityReservation");

        api.Add<CreateTargetGroupHandler, CreateTargetGroupInput, CreateTargetGroupOutput>(Service, "CreateTargetGroup")
            .Add<DescribeTargetGroupsHandler, DescribeTargetGroupsInput, DescribeTargetGroupsOutput>(Service, "DescribeTargetGroups")
            .Add<ModifyTargetGroupHandler, ModifyTargetGroupInput, ModifyTargetGroupOutput>(Service, "ModifyTargetGroup")
            .Add<DeleteTargetGroupHandler, DeleteTargetGroupInput, DeleteTargetGroupOutput>(Service, "DeleteTargetGroup")
            .Add<DescribeTargetGroupAttributesHandler, DescribeTargetGroupAttributesInput, DescribeTargetGroupAttributesOutput>(
                Service, "DescribeTargetGroupAttributes")
            .Add<ModifyTargetGroupAttributesHandler, ModifyTargetGroupAttributesInput, ModifyTargetGroupAttributesOutput>(
                Service, "ModifyTargetGroupAttributes");

        api.Add<CreateListenerHandler, CreateListenerInput, CreateListenerOutput>(Service, "CreateListener")
            .Add<DescribeListenersHandler, DescribeListenersInput, DescribeListenersOutput>(Service, "DescribeListeners")
            .Add<ModifyListenerHandler, ModifyListenerInput, ModifyListenerOutput>(Service, "ModifyListener")
            .Add<DeleteListenerHandler, DeleteListenerInput, DeleteListenerOutput>(Service, "DeleteListener")
            .Add<DescribeListenerAttributesHandler, DescribeListenerAttributesInput, DescribeListenerAttributesOutput>(
                Service, "DescribeListenerAttributes")
            .Add<ModifyListenerAttributesHandler, ModifyListenerAttributesInput, ModifyListenerAttributesOutput>(
                Service, "ModifyListenerAttributes");

        api.Add<CreateRuleHandler, CreateRuleInput, CreateRuleOutput>(Service, "CreateRule")
            .Add<DescribeRulesHandler, DescribeRulesInput, DescribeRulesOutput>(Service, "DescribeRules")
            .Add<ModifyRuleHandler, ModifyRuleInput, ModifyRuleOutput>(Service, "ModifyRule")
            .Add<DeleteRuleHandler, DeleteRuleInput, DeleteRuleOutput>(Service, "DeleteRule")
            .Add<SetRulePrioritiesHandler, SetRulePrioritiesInput, SetRulePrioritiesOutput>(Service, "SetRulePriorities");

        api.Add<RegisterTargetsHandler, RegisterTargetsInput, RegisterTargetsOutput>(Service, "RegisterTargets")
            .Add<DeregisterTargetsHandler, DeregisterTargetsInput, DeregisterTargetsOutput>(Service, "DeregisterTargets")
            .Add<DescribeTargetHealthHandler, DescribeTargetHealthInput, DescribeTargetHealthOutput>(Service, "DescribeTargetHealth");

        api.Add<AddTagsHandler, AddTagsInput, AddTagsOutput>(Service, "AddTags")
            .Add<RemoveTagsHandler, RemoveTagsInput, RemoveTagsOutput>(Service, "RemoveTags")
            .Add<DescribeTagsHandler, DescribeTagsInput, DescribeTagsOutput>(Service, "DescribeTags");
    }
}
