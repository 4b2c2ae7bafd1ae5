using Wharf.Protocol.Model;

namespace Wharf.Protocol.Query;

/// <summary>How Query and EC2 name members in request keys, as botocore's serializers do.</summary>
internal static class QueryNames
{
    /// <summary>The key segment of a structure member.</summary>
    public static string Member(ShapeMember member, bool ec2)
    {
        if (!ec2)
        {
            return member.LocationName ?? member.Name;
        }

        if (member.QueryName is { } query)
        {
            return query;
        }

        return member.LocationName is { Length: > 0 } location
            ? char.ToUpperInvariant(location[0]) + location[1..]
            : member.Name;
    }

    /// <summary>The prefix under which a list's elements are numbered (<c>X.member</c>, <c>X</c>).</summary>
    public static string ListElements(string key, ShapeMember member, Shape list, bool ec2)
    {
        if (ec2)
        {
            return key;
        }

        var element = list.Member!;
        if (!member.IsFlattened)
        {
            return key + "." + (element.LocationName ?? "member");
        }

        if (element.LocationName is not { } name)
        {
            return key;
        }

        var dot = key.LastIndexOf('.');
        return dot < 0 ? name : key[..(dot + 1)] + name;
    }

    /// <summary>The prefix under which a map's entries are numbered (<c>X.entry</c>, <c>X</c>).</summary>
    public static string MapEntries(string key, ShapeMember member) => member.IsFlattened ? key : key + ".entry";
}
