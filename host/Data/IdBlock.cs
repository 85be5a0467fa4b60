using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Crm.Host.Data;

/// <summary>
/// The first of consecutive ids that a bulk insert (an import) gives its rows itself, so that custom values, tags and audit
/// rows can refer to them before they are written. Taken inside the caller's transaction and held until it is disposed,
/// which must come after the commit.
/// </summary>
/// <remarks>
/// <c>SELECT MAX(Id) ... FOR UPDATE</c> alone deadlocked parallel imports on InnoDB (3 of 4 failed): each took a lock on
/// the gap past the last row (gap locks never conflict with one another), and each one's insert then waited for the
/// other's gap lock. A named lock (GET_LOCK) taken first lets one import at a time allocate and insert; the others wait
/// for it instead of deadlocking. The locking read stays, so that a company saved from a form and not yet committed is
/// waited for rather than given the same id. One lock for every table, not one per table: imports also create tags,
/// which a parallel import of the other kind could create too. SQLite serializes writers by itself.
/// </remarks>
public sealed class IdBlock : IAsyncDisposable
{
    /// <summary>How long an import waits for another to finish before it gives up.</summary>
    static readonly TimeSpan Wait = TimeSpan.FromMinutes(10);

    readonly DbConnection? _lockedOn;
    readonly DbTransaction _transaction;

    IdBlock(int first, DbConnection? lockedOn, DbTransaction transaction)
    {
        First = first;
        _lockedOn = lockedOn;
        _transaction = transaction;
    }

    /// <summary>The first free id; the block runs from here as far as the caller needs.</summary>
    public int First { get; }

    /// <summary>Takes the lock (MySQL) and reads the first free id of <paramref name="table"/> in the context's current transaction.</summary>
    public static async Task<IdBlock> TakeAsync(DbContext db, string table, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("An id block is taken inside the transaction that inserts the rows.");
        var connection = transaction.Connection!;
        var sqlite = db.Database.ProviderName?.Contains("Sqlite", StringComparison.Ordinal) == true;
        if (!sqlite)
        {
            await using var take = Command(connection, transaction, $"SELECT GET_LOCK({LockName}, {(int)Wait.TotalSeconds})");
            take.CommandTimeout = (int)Wait.TotalSeconds + 30;
            var taken = await take.ExecuteScalarAsync(ct); // 1, 0 after the wait, NULL on an error such as a killed wait
            if (taken is null or DBNull || Convert.ToInt32(taken, CultureInfo.InvariantCulture) != 1)
                throw new TimeoutException($"Another import held the id lock of this database for {Wait.TotalMinutes} minutes.");
        }
        try
        {
            await using var read = Command(connection, transaction, $"SELECT COALESCE(MAX(Id), 0) + 1 FROM {table}" + (sqlite ? "" : " FOR UPDATE"));
            return new IdBlock(Convert.ToInt32(await read.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture), sqlite ? null : connection, transaction);
        }
        catch when (!sqlite)
        {
            await ReleaseAsync(connection, transaction);
            throw;
        }
    }

    /// <summary>Named locks are per server, so the database's name keeps installations that share one server apart.</summary>
    const string LockName = "LEFT(CONCAT(DATABASE(), '.crm_ids'), 64)";

    static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    static async Task ReleaseAsync(DbConnection connection, DbTransaction transaction)
    {
        // After the commit the command runs outside any transaction; a failed import releases before its rollback, inside
        // the transaction still open (MySqlConnector refuses a command whose transaction is not the open one, either way).
        // A lock left behind would stay with the pooled session and hold the next import up until the session is reset.
        // A broken connection has lost the lock with its session already.
        try
        {
            try { await RunReleaseAsync(connection, null); }
            catch (InvalidOperationException) { await RunReleaseAsync(connection, transaction); }
        }
        catch (DbException) { }
        catch (InvalidOperationException) { }
    }

    static async Task RunReleaseAsync(DbConnection connection, DbTransaction? transaction)
    {
        await using var release = Command(connection, transaction, $"SELECT RELEASE_LOCK({LockName})");
        await release.ExecuteScalarAsync();
    }

    /// <summary>Lets the next import in; after the commit, so that it reads the ids this one wrote.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_lockedOn != null) await ReleaseAsync(_lockedOn, _transaction);
    }
}
