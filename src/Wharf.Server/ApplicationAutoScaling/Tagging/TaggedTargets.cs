using Wharf.Server.ApplicationAutoScaling.Common;
using Wharf.Server.State;

namespace Wharf.Server.ApplicationAutoScaling.Tagging;

/// <summary>Finds a scalable target by its ARN (the only taggable Application Auto Scaling resource).</summary>
internal sealed class TaggedTargets(ScalingStore store)
{
    public async ValueTask<Versioned<ScalableTargetRecord>> ResolveAsync(string? arn, CancellationToken cancellationToken)
    {
        var parts = (arn ?? "").Split(':');
        if (parts.Length != 6 || parts[0] != "arn" || parts[2] != "application-autoscaling" || !parts[5].StartsWith("scalable-target/", StringComparison.Ordinal))
        {
            throw ScalingErrors.Validation($"Invalid ResourceARN '{arn}': expected arn:aws:application-autoscaling:<region>:<account>:scalable-target/<id>.");
        }

        var targets = await store.TargetsAsync(ScalableResource.Ecs, cancellationToken);
        return targets.FirstOrDefault(t => t.Value.Arn == arn) ?? throw ScalingErrors.ResourceNotFound(arn!);
    }

    public async ValueTask UpdateAsync(
        string? arn, Func<IReadOnlyDictionary<string, string>, IReadOnlyDictionary<string, string>> change, CancellationToken cancellationToken) =>
        await store.Repository.RetryAsync(
            async ct =>
            {
                var target = await ResolveAsync(arn, ct);
                var write = store.Repository.Begin();
                write.Put(ScalingKinds.Target, target.Key, target.Value.ServiceNamespace, target.Value with { Tags = change(target.Value.Tags) }, target.Version);
                await write.CommitAsync(ct);
                return true;
            },
            cancellationToken);
}
