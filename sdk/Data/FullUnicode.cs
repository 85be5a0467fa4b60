using System.Data;
using FluentMigrator.Builders.Execute;

namespace Crm.Sdk.Data;

/// <summary>
/// Full Unicode text on MySQL/MariaDB: <c>utf8mb4</c> with <c>utf8mb4_unicode_ci</c>. The host makes it the database's
/// default before migrating, so tables created since hold any character; tables created before under <c>utf8mb3</c> or
/// <c>latin1</c> reject a four-byte character such as an emoji ("Incorrect string value") until converted.
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
            var tables = new List<string>();
            using (var find = connection.CreateCommand())
            {
                find.Transaction = transaction;
                find.CommandText = "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() " +
                    "AND TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME LIKE @prefix AND (TABLE_COLLATION IS NULL OR TABLE_COLLATION <> @collation)";
                Add(find, "@prefix", tablePrefix.Replace("_", "\\_", StringComparison.Ordinal) + "%");
                Add(find, "@collation", Collation);
                using var reader = find.ExecuteReader();
                while (reader.Read()) tables.Add(reader.GetString(0));
            }
            if (tables.Count == 0) return;
            // A text column that a foreign key joins (a user's id in the identity tables) may change its character set
            // only with the checks off; both sides end up utf8mb4, so the keys match again once every table is converted.
            Run(connection, transaction, "SET foreign_key_checks = 0");
            try
            {
                foreach (var table in tables)
                    Run(connection, transaction, $"ALTER TABLE `{table}` CONVERT TO CHARACTER SET {CharacterSet} COLLATE {Collation}");
            }
            finally
            {
                Run(connection, transaction, "SET foreign_key_checks = 1");
            }
        });

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
