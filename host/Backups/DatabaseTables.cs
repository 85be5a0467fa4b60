using System.Data.Common;
using Crm.Host.Data;

namespace Crm.Host.Backups;

/// <summary>The kinds of column a backup tells apart, so a value written by one database reads right into the other.</summary>
public enum ColumnKind { Text, Integer, Real, Decimal, DateTime, Blob }

/// <summary>Tables and columns as the database itself reports them, on SQLite and MySQL/MariaDB alike.</summary>
public static class DatabaseTables
{
    /// <summary>Every table of the installation (the host's, every module's and their version tables), by name.</summary>
    public static async Task<List<string>> ListAsync(DbConnection connection, DatabaseProvider provider, DbTransaction? transaction,
        CancellationToken ct)
    {
        var sql = provider == DatabaseProvider.Sqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            : "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME";
        var names = new List<string>();
        await using var command = Command(connection, transaction, sql);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) names.Add(reader.GetString(0));
        return names;
    }

    /// <summary>A table's columns with their kinds, in table order, and its primary key columns.</summary>
    public static async Task<(List<(string Name, ColumnKind Kind)> Columns, List<string> Key)> ColumnsAsync(DbConnection connection,
        DatabaseProvider provider, DbTransaction? transaction, string table, CancellationToken ct)
    {
        var columns = new List<(string, ColumnKind)>();
        var key = new List<string>();
        if (provider == DatabaseProvider.Sqlite)
        {
            await using var command = Command(connection, transaction, $"PRAGMA table_info(`{table}`)");
            await using var reader = await command.ExecuteReaderAsync(ct);
            var keyed = new List<(long Position, string Name)>();
            while (await reader.ReadAsync(ct))
            {
                var name = reader.GetString(1);
                columns.Add((name, KindOf(reader.IsDBNull(2) ? "" : reader.GetString(2))));
                if (reader.GetInt64(5) > 0) keyed.Add((reader.GetInt64(5), name));
            }
            key.AddRange(keyed.OrderBy(k => k.Position).Select(k => k.Name));
        }
        else
        {
            await using (var command = Command(connection, transaction,
                             "SELECT COLUMN_NAME, DATA_TYPE, COLUMN_KEY FROM information_schema.COLUMNS " +
                             "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = @table ORDER BY ORDINAL_POSITION"))
            {
                command.AddParameter("@table", table);
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct)) columns.Add((reader.GetString(0), KindOf(reader.GetString(1))));
            }
            await using (var command = Command(connection, transaction,
                             "SELECT COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE " +
                             "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = @table AND CONSTRAINT_NAME = 'PRIMARY' ORDER BY ORDINAL_POSITION"))
            {
                command.AddParameter("@table", table);
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct)) key.Add(reader.GetString(0));
            }
        }
        return (columns, key);
    }

    /// <summary>The kind of a declared column type ("DATETIME(6)", "varchar", "INTEGER", "decimal", ...).</summary>
    public static ColumnKind KindOf(string declared)
    {
        var type = declared.ToLowerInvariant();
        if (type.Contains("date") || type.Contains("time")) return ColumnKind.DateTime;
        if (type.Contains("int") || type == "bit" || type.StartsWith("bool", StringComparison.Ordinal)) return ColumnKind.Integer;
        if (type.Contains("dec") || type.Contains("numeric")) return ColumnKind.Decimal;
        if (type.Contains("real") || type.Contains("double") || type.Contains("float")) return ColumnKind.Real;
        if (type.Contains("blob") || type.Contains("binary")) return ColumnKind.Blob;
        return ColumnKind.Text;
    }

    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 0; // a large table takes as long as it takes
        return command;
    }

    public static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(ct);
    }
}
