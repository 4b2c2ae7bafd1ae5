using System.Security.Cryptography;
using System.Text;
using Wharf.Storage;

namespace Wharf.Discovery.Feed;

/// <summary>
/// One hash over the kind, key and version of documents: equal exactly when the same documents are
/// at the same versions (every put bumps a version, a delete removes the key), so a poll that finds
/// nothing changed skips the rebuild. Pure.
/// </summary>
internal static class StoreFingerprint
{
    public static string Of(IEnumerable<IReadOnlyList<StoredDocument>> lists)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var list in lists)
        {
            foreach (var document in list)
            {
                hash.AppendData(Encoding.UTF8.GetBytes($"{document.Kind}\n{document.Key}\n{document.Version}\n"));
            }

            hash.AppendData("|"u8);
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
