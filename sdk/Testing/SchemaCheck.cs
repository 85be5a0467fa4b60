using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Scaffolding;
using Microsoft.EntityFrameworkCore.Scaffolding.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Sdk.Testing;

/// <summary>
/// Compares a context's EF Core model with the tables its migrations created, reading the live schema through the
/// provider's own scaffolding reader: every table, column, nullability, type family and length, primary key and index
/// of the model must be there, and on MySQL/MariaDB every text column of its tables must be utf8mb4. Returns what differs;
/// an empty list means the two agree.
/// </summary>
public static partial class SchemaCheck
{
    public static async Task<IReadOnlyList<string>> CompareAsync(DbContext context)
    {
        var tables = context.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().ToList();
        var database = await ReadAsync(context, tables);
        var sqlite = context.Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";
        var problems = new List<string>();
        foreach (var entity in context.Model.GetEntityTypes().Where(e => e.GetTableName() != null))
        {
            var name = entity.GetTableName()!;
            var table = database.Tables.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
            if (table == null) { problems.Add($"{name}: table is missing"); continue; }
            var store = StoreObjectIdentifier.Table(name, entity.GetSchema());
            foreach (var property in entity.GetProperties())
            {
                var columnName = property.GetColumnName(store);
                if (columnName == null) continue;
                var column = table.Columns.FirstOrDefault(c => string.Equals(c.Name, columnName, StringComparison.OrdinalIgnoreCase));
                if (column == null) { problems.Add($"{name}.{columnName}: column is missing"); continue; }
                if (column.IsNullable != property.IsColumnNullable(store))
                    problems.Add($"{name}.{columnName}: model says {(property.IsColumnNullable(store) ? "NULL" : "NOT NULL")}, table says {(column.IsNullable ? "NULL" : "NOT NULL")}");
                var expected = Normalize(property.GetColumnType(store), sqlite);
                var actual = Normalize(column.StoreType ?? "", sqlite);
                if (expected != actual) problems.Add($"{name}.{columnName}: model type {property.GetColumnType(store)}, table type {column.StoreType}");
            }
            var key = entity.FindPrimaryKey();
            if (key != null && table.PrimaryKey != null &&
                !key.Properties.Select(p => p.GetColumnName(store)).SequenceEqual(table.PrimaryKey.Columns.Select(c => c.Name), StringComparer.OrdinalIgnoreCase))
                problems.Add($"{name}: primary key differs");
            foreach (var index in entity.GetIndexes())
            {
                var columns = index.Properties.Select(p => p.GetColumnName(store)!).ToList();
                var found = table.Indexes.Any(i => i.Columns.Select(c => c.Name).SequenceEqual(columns, StringComparer.OrdinalIgnoreCase) && i.IsUnique == index.IsUnique)
                    || (index.IsUnique && table.UniqueConstraints.Any(u => u.Columns.Select(c => c.Name).SequenceEqual(columns, StringComparer.OrdinalIgnoreCase)));
                if (!found) problems.Add($"{name}: {(index.IsUnique ? "unique " : "")}index on ({string.Join(", ", columns)}) is missing");
            }
        }
        if (!sqlite) problems.AddRange(await NotFullUnicodeAsync(context, tables));
        return problems;
    }

    /// <summary>Text columns of the tables that are not utf8mb4 on MySQL/MariaDB: they would refuse an emoji.</summary>
    static async Task<List<string>> NotFullUnicodeAsync(DbContext context, IReadOnlyList<string> tables)
    {
        var problems = new List<string>();
        var connection = context.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await connection.OpenAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT TABLE_NAME, COLUMN_NAME, CHARACTER_SET_NAME FROM information_schema.COLUMNS " +
                "WHERE TABLE_SCHEMA = DATABASE() AND CHARACTER_SET_NAME IS NOT NULL AND CHARACTER_SET_NAME <> 'utf8mb4' ORDER BY TABLE_NAME, ORDINAL_POSITION";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                if (tables.Contains(reader.GetString(0), StringComparer.OrdinalIgnoreCase))
                    problems.Add($"{reader.GetString(0)}.{reader.GetString(1)}: character set {reader.GetString(2)}, not utf8mb4");
        }
        finally
        {
            if (opened) await connection.CloseAsync();
        }
        return problems;
    }

    static Task<DatabaseModel> ReadAsync(DbContext context, IReadOnlyList<string> tables)
    {
        var factoryType = context.Database.ProviderName switch
        {
            "Microsoft.EntityFrameworkCore.Sqlite" => Type.GetType("Microsoft.EntityFrameworkCore.Sqlite.Scaffolding.Internal.SqliteDatabaseModelFactory, Microsoft.EntityFrameworkCore.Sqlite"),
            "Pomelo.EntityFrameworkCore.MySql" => Type.GetType("Pomelo.EntityFrameworkCore.MySql.Scaffolding.Internal.MySqlDatabaseModelFactory, Pomelo.EntityFrameworkCore.MySql"),
            _ => null,
        } ?? throw new NotSupportedException($"No schema reader for {context.Database.ProviderName}");
        var factory = (IDatabaseModelFactory)ActivatorUtilities.CreateInstance(context.GetInfrastructure(), factoryType);
        return Task.FromResult(factory.Create(context.Database.GetDbConnection(), new DatabaseModelFactoryOptions(tables)));
    }

    /// <summary>A type's family and, for text, its length: what both databases must agree on.</summary>
    /// <remarks>
    /// On SQLite, EF Core keeps dates as ISO text and a DATETIME column stores that text unchanged, so the two are one
    /// family there; decimals are not (a NUMERIC column would round money to a double).
    /// </remarks>
    static string Normalize(string storeType, bool sqlite)
    {
        var type = storeType.Trim().ToLowerInvariant();
        var match = TypePattern().Match(type);
        var family = match.Groups["name"].Value.Trim();
        var size = match.Groups["size"].Value;
        family = family switch
        {
            "int" or "integer" or "bigint" or "smallint" => "integer",
            "tinyint" when size == "1" => "boolean",
            "bit" or "boolean" => "boolean",
            "datetime" or "datetime2" or "timestamp" => "datetime",
            "nvarchar" or "varchar" or "char" or "nchar" => "varchar",
            "longtext" or "mediumtext" or "text" or "clob" => "text",
            "decimal" or "numeric" => "decimal",
            _ => family,
        };
        if (sqlite && family is "datetime" or "varchar") family = "text";
        if (family == "datetime") return $"datetime({(size == "" ? "0" : size)})"; // fractions of a second kept or lost
        return family is "varchar" or "decimal" ? $"{family}({size})" : family;
    }

    [GeneratedRegex(@"^(?<name>[a-z0-9 ]+?)\s*(\((?<size>[^)]*)\))?(\s+.*)?$")]
    private static partial Regex TypePattern();
}
