using MySqlConnector;

namespace Crm.Bench.Generate;

/// <summary>An empty MySQL/MariaDB database to generate into: created if missing, dropped and created again with --force.</summary>
public static class MySqlDatabase
{
    public static async Task RecreateAsync(string connectionString, bool force, CancellationToken ct)
    {
        var target = new MySqlConnectionStringBuilder(connectionString);
        var name = target.Database;
        if (string.IsNullOrEmpty(name)) throw new ArgumentException("The MySQL connection string needs a Database.");
        var server = new MySqlConnectionStringBuilder(connectionString) { Database = "" };
        await using var connection = new MySqlConnection(server.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = @db";
        command.Parameters.AddWithValue("@db", name);
        var tables = Convert.ToInt64(await command.ExecuteScalarAsync(ct));
        if (tables > 0 && !force) throw new InvalidOperationException($"Database {name} is not empty; add --force to drop and create it again.");
        command.Parameters.Clear();
        command.CommandText = $"DROP DATABASE IF EXISTS `{name}`; CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;";
        await command.ExecuteNonQueryAsync(ct);
    }
}
