using Wharf.Core.Model;
using Wharf.Protocol.Generated.Ecs;
using Wharf.Server.Ecs.Common;

namespace Wharf.Server.Ecs.Clusters;

/// <summary>Reads what a wire <c>Cluster</c> needs besides its record (counts, tags) and builds it.</summary>
internal sealed class ClusterView(ClusterCounter counter, ResourceTags tags)
{
    public async ValueTask<Cluster> BuildAsync(ClusterRecord record, ClusterFields fields, CancellationToken cancellationToken)
    {
        var counts = await counter.CountAsync(record.Arn, cancellationToken);
        var tagList = fields.HasFlag(ClusterFields.Tags) ? await tags.ListAsync(record.Arn, cancellationToken) : null;
        return ClusterMapper.ToWire(record, counts, fields, tagList);
    }
}
