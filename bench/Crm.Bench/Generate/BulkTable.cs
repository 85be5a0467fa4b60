using System.Data.Common;

namespace Crm.Bench.Generate;

/// <summary>
/// Rows for one table, sent as prepared multi-row INSERTs of about <see cref="ParametersPerStatement"/> values inside the
/// loader's current transaction. The load is one thread doing nothing else, so the calls are synchronous: no state
/// machine per batch.
/// </summary>
public sealed class BulkTable
{
    /// <summary>
    /// SQLite finds each named parameter by a linear search of the statement's names, so binding grows with the square
    /// of a statement's parameters: a few hundred keep the binding cheap and the round trips few.
    /// </summary>
    const int ParametersPerStatement = 400;
    readonly int _rowsPerStatement;
    readonly BulkLoader _loader;
    readonly string _table;
    readonly string[] _columns;
    readonly object?[][] _pending;
    DbCommand? _full;
    int _count;

    public BulkTable(BulkLoader loader, string table, params string[] columns)
    {
        _loader = loader;
        _table = table;
        _columns = columns;
        _rowsPerStatement = Math.Clamp(ParametersPerStatement / columns.Length, 4, 100);
        _pending = Enumerable.Range(0, _rowsPerStatement).Select(_ => new object?[columns.Length]).ToArray();
    }

    public long Written { get; private set; }

    public void Add(params object?[] values)
    {
        if (values.Length != _columns.Length) throw new ArgumentException($"{_table}: {values.Length} values for {_columns.Length} columns");
        values.CopyTo(_pending[_count++], 0);
        if (_count == _rowsPerStatement) Flush();
    }

    public void Flush()
    {
        if (_count == 0) return;
        if (_count == _rowsPerStatement)
        {
            _full ??= Command(_rowsPerStatement);
            Execute(_full, _count);
        }
        else
        {
            using var partial = Command(_count);
            Execute(partial, _count);
        }
        Written += _count;
        _count = 0;
    }

    void Execute(DbCommand command, int rows)
    {
        var parameters = command.Parameters;
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < _columns.Length; c++)
                parameters[r * _columns.Length + c].Value = _pending[r][c] ?? DBNull.Value;
        command.Transaction = _loader.Transaction;
        command.ExecuteNonQuery();
    }

    DbCommand Command(int rows)
    {
        var command = _loader.Connection.CreateCommand();
        var values = Enumerable.Range(0, rows).Select(r =>
            "(" + string.Join(",", Enumerable.Range(0, _columns.Length).Select(c => $"@p{r * _columns.Length + c}")) + ")");
        command.CommandText = $"INSERT INTO {_table} ({string.Join(",", _columns)}) VALUES {string.Join(",", values)}";
        for (var i = 0; i < rows * _columns.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            command.Parameters.Add(parameter);
        }
        return command;
    }
}

/// <summary>One connection and its current transaction for a bulk load; commits every so often so a transaction stays small.</summary>
public sealed class BulkLoader(DbConnection connection) : IDisposable
{
    public DbConnection Connection { get; } = connection;
    public DbTransaction Transaction { get; private set; } = connection.BeginTransaction();

    public void Commit(params BulkTable[] tables)
    {
        foreach (var table in tables) table.Flush();
        Transaction.Commit();
        Transaction.Dispose();
        Transaction = Connection.BeginTransaction();
    }

    public void Execute(string sql)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = Transaction;
        command.ExecuteNonQuery();
    }

    public List<T> Read<T>(string sql, Func<DbDataReader, T> map)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = Transaction;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read()) rows.Add(map(reader));
        return rows;
    }

    public void Dispose() => Transaction.Dispose();
}
