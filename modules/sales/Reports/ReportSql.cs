using System.Data.Common;
using System.Globalization;
using Crm.Sales.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Crm.Sales.Reports;

/// <summary>
/// Hand-written aggregate queries for the reports that must answer in a few hundred milliseconds over a million deals:
/// grouped in the database, read from covering indexes, the few differences between SQLite and MySQL/MariaDB kept here.
/// </summary>
public sealed class ReportSql(SalesDbContext db)
{
    /// <summary>Amounts are stored in hundredths (see the model's <c>HasScaledInteger(2)</c>).</summary>
    public const decimal AmountScale = 100m;

    public bool IsSqlite => db.Database.ProviderName?.Contains("Sqlite", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>
    /// Tells the database which index to read a table through (after the table's alias), where the planner would choose
    /// worse without statistics; say why at the call.
    /// </summary>
    public string UseIndex(string index) => IsSqlite ? $"INDEXED BY {index}" : $"FORCE INDEX ({index})";

    /// <summary>A whole-number column widened so that products of several of them neither overflow nor lose precision.</summary>
    public string Exact(string column) => IsSqlite ? $"CAST({column} AS REAL)" : $"CAST({column} AS DECIMAL(38, 0))";

    /// <summary>The year and month of a date-time column as one number, 202503.</summary>
    public static string YearMonth(string column, bool sqlite) => sqlite
        ? $"CAST(strftime('%Y%m', {column}) AS INTEGER)"
        : $"(YEAR({column}) * 100 + MONTH({column}))";

    /// <summary>
    /// An INSERT of <paramref name="rows"/> (their values in the order of the key columns, then the sums) that adds a row's
    /// sums to the row already there with the same key: one atomic statement on both databases.
    /// </summary>
    public string InsertOrAdd(string table, IReadOnlyList<string> keys, IReadOnlyList<string> sums, IEnumerable<string> rows)
    {
        var insert = $"INSERT INTO {table} ({string.Join(", ", keys.Concat(sums))}) VALUES {string.Join(", ", rows.Select(r => $"({r})"))}";
        return IsSqlite
            ? $"{insert} ON CONFLICT ({string.Join(", ", keys)}) DO UPDATE SET {string.Join(", ", sums.Select(s => $"{s} = {s} + excluded.{s}"))}"
            : $"{insert} ON DUPLICATE KEY UPDATE {string.Join(", ", sums.Select(s => $"{s} = {s} + VALUES({s})"))}";
    }

    public async Task<List<T>> QueryAsync<T>(string sql, Parameters parameters, Func<DbDataReader, T> read, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = Command(sql, parameters);
            var rows = new List<T>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) rows.Add(read(reader));
            return rows;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Runs a statement that changes rows, in the context's transaction if one is open.</summary>
    public async Task ExecuteAsync(string sql, Parameters parameters, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = Command(sql, parameters);
            await command.ExecuteNonQueryAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    DbCommand Command(string sql, Parameters parameters)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        if (db.Database.GetCommandTimeout() is { } seconds) command.CommandTimeout = seconds;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        foreach (var (name, value) in parameters.All)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    /// <summary>A whole number from any numeric column (SUM is DECIMAL on MySQL), 0 for NULL.</summary>
    public static long Long(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? 0 : Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    /// <summary>A stored amount (hundredths) as money.</summary>
    public static decimal Money(DbDataReader reader, int ordinal) => Long(reader, ordinal) / AmountScale;

    /// <summary>Named parameters @p0, @p1, ... in the order they are added.</summary>
    public sealed class Parameters
    {
        readonly List<(string, object?)> _all = [];
        public IReadOnlyList<(string Name, object? Value)> All => _all;

        /// <summary>Adds a value and returns its placeholder.</summary>
        public string Add(object? value)
        {
            var name = "@p" + _all.Count.ToString(CultureInfo.InvariantCulture);
            _all.Add((name, value));
            return name;
        }
    }
}
