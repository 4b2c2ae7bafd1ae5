using System.Globalization;
using System.Text;

namespace Wharf.Server.ElasticLoadBalancing.Common;

/// <summary>ELBv2's <c>Marker</c>/<c>PageSize</c> paging over a list already in order.</summary>
internal static class Markers
{
    public static (List<T> Page, string? NextMarker) Page<T>(IReadOnlyList<T> items, string? marker, int? pageSize)
    {
        if (pageSize is < 1 or > 400)
        {
            throw ElbErrors.Validation("Page size must be between 1 and 400");
        }

        var start = 0;
        if (!string.IsNullOrEmpty(marker))
        {
            try
            {
                start = int.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(marker)), CultureInfo.InvariantCulture);
            }
            catch (FormatException)
            {
                throw ElbErrors.Validation("The marker is not valid");
            }

            if (start < 0 || start > items.Count)
            {
                throw ElbErrors.Validation("The marker is not valid");
            }
        }

        var size = pageSize ?? 400;
        var page = items.Skip(start).Take(size).ToList();
        var next = start + size < items.Count
            ? Convert.ToBase64String(Encoding.UTF8.GetBytes((start + size).ToString(CultureInfo.InvariantCulture)))
            : null;
        return (page, next);
    }
}
