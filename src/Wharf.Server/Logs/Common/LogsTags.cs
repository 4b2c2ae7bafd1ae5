namespace Wharf.Server.Logs.Common;

/// <summary>Tag limits of log groups.</summary>
internal static class LogsTags
{
    public const int MaxTags = 50;
}
