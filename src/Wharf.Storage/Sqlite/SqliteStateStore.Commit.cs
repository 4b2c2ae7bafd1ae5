using Microsoft.Data.Sqlite;

namespace Wharf.Storage.Sqlite;

/// <summary>Atomic, version-checked commits on the writer connection.</summary>
public sealed partial class SqliteStateStore
{
    /// <summary>
    /// Applies <paramref name="writes"/> in order in one <c>BEGIN IMMEDIATE</c> transaction. Each
    /// write checks its expected version in the statement that applies it; the first that does not
    /// hold rolls everything back and throws <see cref="ConcurrencyConflictException"/>. Writes to the
    /// same key in one batch chain (a second put expects the version the first produced).
    /// </summary>
    internal async ValueTask CommitAsync(IReadOnlyList<PendingWrite> writes, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (writes.Count == 0)
        {
            return;
        }

        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var writer = _writer ?? throw new InvalidOperationException("Call InitializeAsync before using the state store.");

            // Cancellation is honoured up to here; once the transaction begins it runs to its end, so
            // a cancelled caller never leaves doubt about whether its commit happened.
            cancellationToken.ThrowIfCancellationRequested();
            ApplyAll(writer, writes);
        }
        finally
        {
            _writeLock.Release();
        }

        RaiseChanged(writes);
    }

    private void ApplyAll(WriterSession writer, IReadOnlyList<PendingWrite> writes)
    {
        using var transaction = writer.Connection.BeginTransaction(deferred: false);
        for (var i = 0; i < writes.Count; i++)
        {
            var write = writes[i];
            if (!writer.TryApply(transaction, write))
            {
                var actual = writer.ReadVersion(transaction, write.Kind, write.Key);
                transaction.Rollback();
                LogCommitConflict(write.Kind, write.Key, write.ExpectedVersion, actual);
                throw new ConcurrencyConflictException(ConflictMessage(write, actual));
            }
        }

        try
        {
            transaction.Commit();
        }
        catch (SqliteException ex)
        {
            // The transaction is rolled back on dispose; the caller learns nothing was written.
            LogCommitFailed(ex, writes.Count);
            throw;
        }
    }

    private static string ConflictMessage(in PendingWrite write, long? actual)
    {
        var found = actual is { } version ? $"version {version}" : "no document";
        var expected = write.ExpectedVersion == 0 ? "no document (create)" : $"version {write.ExpectedVersion}";
        var operation = write.IsDelete ? "delete" : "put";
        return $"Concurrency conflict on {write.Kind} '{write.Key}': {operation} expected {expected}, found {found}. Nothing was written.";
    }

    private void RaiseChanged(IReadOnlyList<PendingWrite> writes)
    {
        var handler = Changed;
        if (handler is null)
        {
            return;
        }

        var kinds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < writes.Count; i++)
        {
            kinds.Add(writes[i].Kind);
        }

        var args = new StateChangedEventArgs(kinds);

        // Each subscriber separately: the commit already happened, so one failing subscriber must
        // neither fail the committer (who would retry a write that succeeded) nor starve the others.
        foreach (var subscriber in Delegate.EnumerateInvocationList(handler))
        {
            try
            {
                subscriber(this, args);
            }
            catch (Exception ex)
            {
                LogChangedHandlerFailed(ex, string.Join(",", kinds));
            }
        }
    }
}
