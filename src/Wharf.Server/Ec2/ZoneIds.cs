namespace Wharf.Server.Ec2;

/// <summary>Zone ids in EC2's style: <c>us-east-1a</c> → <c>use1-az1</c>.</summary>
internal static class ZoneIds
{
    public static string Of(string zoneName)
    {
        var parts = zoneName[..^1].Split('-');
        var letter = zoneName[^1];
        var prefix = parts.Length == 3 ? $"{parts[0]}{parts[1][0]}{parts[2]}" : zoneName[..^1];
        return $"{prefix}-az{(char.IsAsciiLetterLower(letter) ? letter - 'a' + 1 : 1)}";
    }
}
