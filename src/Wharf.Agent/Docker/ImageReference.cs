namespace Wharf.Agent.Docker;

/// <summary>Splits an image reference into the <c>fromImage</c> and <c>tag</c> the pull API wants.</summary>
internal static class ImageReference
{
    /// <summary>
    /// <c>registry:5000/team/web:1.2</c> → (<c>registry:5000/team/web</c>, <c>1.2</c>);
    /// <c>web</c> → (<c>web</c>, <c>latest</c>); a digest reference is pulled as is with no tag.
    /// </summary>
    public static (string Repository, string? Tag) Split(string image)
    {
        if (image.Contains('@', StringComparison.Ordinal))
        {
            return (image, null);
        }

        var lastSlash = image.LastIndexOf('/');
        var lastColon = image.LastIndexOf(':');
        return lastColon > lastSlash
            ? (image[..lastColon], image[(lastColon + 1)..])
            : (image, "latest");
    }
}
