using Wharf.Core.Arns;
using Wharf.Core.Model;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.Api;
using Wharf.Server.Ecs.Common;

namespace Wharf.Server.Ecs.Clusters;

/// <summary>
/// DescribeCapacityProviders: the providers this endpoint has, <c>FARGATE</c> and
/// <c>FARGATE_SPOT</c> (Wharf's own Fargate capacity), as ECS describes them; a name or ARN it does
/// not have is a <c>MISSING</c> failure. Wharf has no Auto Scaling group providers of its own.
/// </summary>
internal sealed class DescribeCapacityProvidersHandler(ArnFormatter arns)
    : IOperationHandler<DescribeCapacityProvidersRequest, DescribeCapacityProvidersResponse>
{
    private static readonly string[] Providers = [FargateCapacity.Fargate, FargateCapacity.FargateSpot];

    public ValueTask<DescribeCapacityProvidersResponse> HandleAsync(
        DescribeCapacityProvidersRequest input, OperationContext context, CancellationToken cancellationToken)
    {
        if (input.MaxResults is < 1 or > 10)
        {
            throw EcsErrors.InvalidParameter("maxResults must be between 1 and 10.");
        }

        var tags = input.Include?.Contains("TAGS", StringComparer.Ordinal) == true;
        var response = new DescribeCapacityProvidersResponse { CapacityProviders = [], Failures = [] };
        foreach (var asked in input.CapacityProviders is { Count: > 0 } names ? names : [.. Providers])
        {
            var name = asked.StartsWith("arn:", StringComparison.Ordinal) ? asked[(asked.LastIndexOf('/') + 1)..] : asked;
            if (!Providers.Contains(name, StringComparer.Ordinal) || (asked.StartsWith("arn:", StringComparison.Ordinal) && asked != arns.CapacityProviderArn(name)))
            {
                response.Failures.Add(new Failure { Arn = asked, Reason = "MISSING" });
                continue;
            }

            response.CapacityProviders.Add(new CapacityProvider
            {
                CapacityProviderArn = arns.CapacityProviderArn(name),
                Name = name,
                Status = "ACTIVE",
                Type = name,
                Tags = tags ? [] : null,
            });
        }

        return ValueTask.FromResult(response);
    }
}
