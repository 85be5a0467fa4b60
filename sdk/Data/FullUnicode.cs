using System.Data;
using FluentMigrator.Builders.Execute;

namespace Crm.Sdk.Data;

/// <summary>
/// Full Unicode text on MySQL/MariaDB: <c>utf8mb4</c> with <c>utf8mb4_unicode_ci</c>. The host makes it the database's
/// default before migrating and writes every text column of a migration (<c>AsString</c>, <c>AsText</c>) in it, so tables
/// created since hold any character; tables created before in <c>utf8mb3</c> or <c>latin1</c> (FluentMigrator wrote
/// <c>NVARCHAR</c>, which is utf8mb3) reject a four-byte character such as an emoji ("Incorrect string value") until a
/// migration converts them with <see cref="ConvertTables"/>.
/// </summary>
public static class FullUnicode
{
    /// <summary>The character set every text column has on MySQL/MariaDB.</summary>
    public const string CharacterSet = "utf8mb4";

    /// <summary>The collation every text column has on MySQL/MariaDB (case-insensitive, as EF Core's queries expect).</summary>
    public const string Collation = "utf8mb4_unicode_ci";

    /// <summary>The database types, as FluentMigrator's <c>IfDatabase</c> names them, on which the conversion applies.</summary>
    public static readonly string[] MySqlDatabases = ["MySql", "MySql5", "MariaDB"];

    /// <summary>
    /// In a migration, after <c>IfDatabase(FullUnicode.MySqlDatabases)</c>: converts every table of the database whose
    /// name starts with <paramref name="tablePrefix"/> (the module's id and "_") and is not yet <c>utf8mb4</c>, data
    /// included, with <c>ALTER TABLE ... CONVERT TO CHARACTER SET</c>. Tables are found when the step runs, so that it
    /// converts whatever the module's earlier migrations created. Indexes that fit a utf8mb4 database from empty fit here too.
    /// </summary>
    public static void ConvertTables(this IExecuteExpressionRoot execute, string tablePrefix) =>
        execute.WithConnection((connection, transaction) =>
        {
            // A table's default is not enough: FluentMigrator wrote text columns as NVARCHAR, utf8mb3 in a utf8mb4 table.
            var tables = new SortedSet<string>(StringComparer.Ordinal);
            Find(connection, transaction, tables, "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() " +
                "AND TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME LIKE @prefix AND TABLE_COLLATION <> @collation", tablePrefix);
            Find(connection, transaction, tables, "SELECT DISTINCT TABLE_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() " +
                "AND TABLE_NAME LIKE @prefix AND COLLATION_NAME IS NOT NULL AND COLLATION_NAME <> @collation", tablePrefix);
            if (tables.Count == 0) return;
            // MariaDB refuses to change the character set of a column that a foreign key joins (a user's or role's id in
            // the identity tables), even with the checks off; those keys are dropped, and added back once both sides match.
            var keys = TextForeignKeys(connection, transaction, tables);
            foreach (var key in keys) Run(connection, transaction, $"ALTER TABLE `{key.Table}` DROP FOREIGN KEY `{key.Name}`");
            foreach (var table in tables)
                Run(connection, transaction, $"ALTER TABLE `{table}` CONVERT TO CHARACTER SET {CharacterSet} COLLATE {Collation}");
            foreach (var key in keys)
                Run(connection, transaction, $"ALTER TABLE `{key.Table}` ADD CONSTRAINT `{key.Name}` FOREIGN KEY ({Names(key.Columns)}) " +
                    $"REFERENCES `{key.Referenced}` ({Names(key.ReferencedColumns)}) ON DELETE {key.OnDelete} ON UPDATE {key.OnUpdate}");
        });

    sealed record ForeignKey(string Name, string Table, List<string> Columns, string Referenced, List<string> ReferencedColumns,
        string OnDelete, string OnUpdate);

    /// <summary>
    /// Foreign keys from or to the tables over text columns. Read one information_schema table at a time and joined here:
    /// MariaDB builds a temporary table on disk for each joined view of information_schema.
    /// </summary>
    static List<ForeignKey> TextForeignKeys(IDbConnection connection, IDbTransaction transaction, ISet<string> tables)
    {
        var text = new HashSet<(string, string)>();
        Read(connection, transaction, "SELECT TABLE_NAME, COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() " +
            "AND COLLATION_NAME IS NOT NULL", r => text.Add((r.GetString(0), r.GetString(1))));
        var rules = new Dictionary<(string, string), (string OnDelete, string OnUpdate)>();
        Read(connection, transaction, "SELECT TABLE_NAME, CONSTRAINT_NAME, DELETE_RULE, UPDATE_RULE FROM information_schema.REFERENTIAL_CONSTRAINTS " +
            "WHERE CONSTRAINT_SCHEMA = DATABASE()", r => rules[(r.GetString(0), r.GetString(1))] = (r.GetString(2), r.GetString(3)));
        var keys = new Dictionary<(string, string), ForeignKey>();
        Read(connection, transaction, "SELECT TABLE_NAME, CONSTRAINT_NAME, COLUMN_NAME, REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME " +
            "FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = DATABASE() AND REFERENCED_TABLE_NAME IS NOT NULL " +
            "ORDER BY TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION", r =>
            {
                var id = (r.GetString(0), r.GetString(1));
                if (!keys.TryGetValue(id, out var key) && rules.TryGetValue(id, out var rule))
                    keys[id] = key = new ForeignKey(id.Item2, id.Item1, [], r.GetString(3), [], rule.OnDelete, rule.OnUpdate);
                key?.Columns.Add(r.GetString(2));
                key?.ReferencedColumns.Add(r.GetString(4));
            });
        return keys.Values.Where(k => (tables.Contains(k.Table) || tables.Contains(k.Referenced)) && k.Columns.Any(c => text.Contains((k.Table, c))))
            .ToList();
    }

    static string Names(IEnumerable<string> columns) => string.Join(", ", columns.Select(c => $"`{c}`"));

    static void Read(IDbConnection connection, IDbTransaction transaction, string sql, Action<IDataRecord> row)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read()) row(reader);
    }

    static void Find(IDbConnection connection, IDbTransaction transaction, ISet<string> tables, string sql, string tablePrefix)
    {
        using var find = connection.CreateCommand();
        find.Transaction = transaction;
        find.CommandText = sql;
        Add(find, "@prefix", tablePrefix.Replace("_", "\\_", StringComparison.Ordinal) + "%");
        Add(find, "@collation", Collation);
        using var reader = find.ExecuteReader();
        while (reader.Read()) tables.Add(reader.GetString(0));
    }

    static void Run(IDbConnection connection, IDbTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandTimeout = 0; // a large table is copied row by row; that may take long, and must not stop halfway
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    static void Add(IDbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
