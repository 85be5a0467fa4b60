using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Crm.Host.Data;

/// <summary>
/// Inserts many rows on the context's connection and transaction with one reused INSERT command (several hundred rows per
/// statement on MySQL, one on SQLite): what imports of tens of thousands of rows need, where saving entity by entity
/// would take minutes.
/// </summary>
public static class BulkInsert
{
    public static async Task RunAsync(DbContext db, string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        // MySQL: a few hundred rows per statement, one round trip each. SQLite (in process, no round trips): one row per
        // statement, the command prepared once and reused, because Microsoft.Data.Sqlite binds each of a statement's
        // parameters by looking its name up among all of them, which makes a 500-row statement quadratic (~10× slower).
        var sqlite = db.Database.ProviderName?.Contains("Sqlite", StringComparison.Ordinal) == true;
        var perStatement = sqlite ? 1 : Math.Clamp(30_000 / columns.Count, 1, 500);
        DbCommand? full = null;
        var batch = new List<object?[]>(perStatement);
        try
        {
            foreach (var row in rows)
            {
                batch.Add(row);
                if (batch.Count < perStatement) continue;
                full ??= Command(connection, transaction, table, columns, perStatement);
                await ExecuteAsync(full, batch, ct);
                batch.Clear();
            }
            if (batch.Count > 0)
            {
                await using var tail = Command(connection, transaction, table, columns, batch.Count);
                await ExecuteAsync(tail, batch, ct);
            }
        }
        finally
        {
            if (full != null) await full.DisposeAsync();
        }
    }

    static DbCommand Command(DbConnection connection, DbTransaction? transaction, string table, IReadOnlyList<string> columns, int rows)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var sql = new System.Text.StringBuilder($"INSERT INTO {table} (").AppendJoin(", ", columns.Select(c => $"`{c}`")).Append(") VALUES ");
        for (var r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Count; c++)
            {
                var name = $"@p{r * columns.Count + c}";
                sql.Append(c == 0 ? name : ", " + name);
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                command.Parameters.Add(parameter);
            }
            sql.Append(')');
        }
        command.CommandText = sql.ToString();
        return command;
    }

    static async Task ExecuteAsync(DbCommand command, List<object?[]> rows, CancellationToken ct)
    {
        var i = 0;
        foreach (var row in rows)
            foreach (var value in row)
                command.Parameters[i++].Value = value ?? DBNull.Value;
        await command.ExecuteNonQueryAsync(ct);
    }
}
