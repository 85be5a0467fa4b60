using Crm.Sdk.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Crm.Host.Data;

/// <summary>
/// The one database every context of the installation uses: the resolved provider and connection string,
/// and the EF Core configuration for it (also handed to modules as <see cref="IModuleDatabase"/>).
/// </summary>
public sealed class InstallationDatabase : IModuleDatabase
{
    readonly Lazy<ServerVersion>? _mySqlVersion;

    public InstallationDatabase(DatabaseProvider provider, string connectionString)
    {
        Provider = provider;
        ConnectionString = connectionString;
        if (provider == DatabaseProvider.MySql)
            _mySqlVersion = new Lazy<ServerVersion>(() => ServerVersion.AutoDetect(connectionString));
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    /// <summary>Builds the database from options: SQLite defaults to crm.db in the data directory, with foreign keys on.</summary>
    public static InstallationDatabase From(DatabaseOptions options, string dataDirectory)
    {
        if (options.Provider == DatabaseProvider.MySql)
        {
            if (string.IsNullOrWhiteSpace(options.ConnectionString))
                throw new DatabaseUnavailableException("Crm:Database:ConnectionString is required when the provider is MySql.");
            return new InstallationDatabase(DatabaseProvider.MySql, options.ConnectionString);
        }
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(options.ConnectionString)
            ? $"Data Source={Path.Combine(dataDirectory, "crm.db")}"
            : options.ConnectionString)
        {
            ForeignKeys = true,
            DefaultTimeout = 30, // also how long a writer waits for a busy database
            Pooling = true,
        };
        return new InstallationDatabase(DatabaseProvider.Sqlite, builder.ToString());
    }

    /// <summary>A short description for log lines, without credentials.</summary>
    public string Describe()
    {
        if (Provider == DatabaseProvider.Sqlite) return $"SQLite at {new SqliteConnectionStringBuilder(ConnectionString).DataSource}";
        var mysql = new MySqlConnector.MySqlConnectionStringBuilder(ConnectionString);
        return $"MySQL/MariaDB at {mysql.Server}:{mysql.Port}/{mysql.Database}";
    }

    /// <summary>An open ADO.NET connection to the database, for the few places below EF Core.</summary>
    public System.Data.Common.DbConnection OpenConnection()
    {
        System.Data.Common.DbConnection connection = Provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(ConnectionString)
            : new MySqlConnector.MySqlConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    static readonly SqliteCacheSize CacheSize = new();
    static readonly DatabaseTime Time = new();
    static readonly ReferenceChanges Changes = new();
    static readonly Api.Idempotency.IdempotencyCommits Idempotency = new();

    /// <summary>Delivers the outbox events of a transaction when it commits (see <see cref="Events.EventOutbox"/>).</summary>
    public Events.OutboxCommits Commits { get; } = new();

    public void Configure(DbContextOptionsBuilder options)
    {
        if (Provider == DatabaseProvider.Sqlite) options.UseSqlite(ConnectionString).AddInterceptors(CacheSize, Time, Changes, Idempotency, Commits);
        else options.UseMySql(ConnectionString, _mySqlVersion!.Value).AddInterceptors(Time, Changes, Idempotency, Commits);
    }

    /// <summary>
    /// Creates the SQLite file's folder and switches it to WAL; checks that a MySQL server answers and makes its database's
    /// default character set utf8mb4.
    /// </summary>
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (Provider == DatabaseProvider.Sqlite)
            {
                var file = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
                var folder = Path.GetDirectoryName(Path.GetFullPath(file));
                if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
                await using var connection = new SqliteConnection(ConnectionString);
                await connection.OpenAsync(cancellationToken);
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA journal_mode=WAL;";
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            else
            {
                await using var connection = new MySqlConnector.MySqlConnection(ConnectionString);
                await connection.OpenAsync(cancellationToken);
                _ = _mySqlVersion!.Value;
                await MakeDefaultFullUnicodeAsync(connection, cancellationToken);
            }
        }
        catch (Exception e) when (e is System.Data.Common.DbException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            throw new DatabaseUnavailableException($"Cannot open the database ({Describe()}): {e.Message}");
        }
    }

    /// <summary>
    /// A database created with utf8mb3 or latin1 as its default gives every table a migration creates that character set,
    /// and a four-byte character (an emoji, 𝔘) then fails to save; so the default is made utf8mb4 before anything is
    /// created (tables made before are converted by their migrations). The connection itself is utf8mb4 already: MySqlConnector
    /// always talks utf8mb4, whatever the connection string says.
    /// </summary>
    static async Task MakeDefaultFullUnicodeAsync(MySqlConnector.MySqlConnection connection, CancellationToken cancellationToken)
    {
        // Read from the schema, not @@character_set_database: a pooled connection, once reset, reports the server's default there.
        await using var read = new MySqlConnector.MySqlCommand(
            "SELECT DEFAULT_CHARACTER_SET_NAME, DEFAULT_COLLATION_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = DATABASE()", connection);
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
            if (await reader.ReadAsync(cancellationToken) && reader.GetString(0) == FullUnicode.CharacterSet && reader.GetString(1) == FullUnicode.Collation)
                return;
        await using var alter = new MySqlConnector.MySqlCommand(
            $"ALTER DATABASE CHARACTER SET {FullUnicode.CharacterSet} COLLATE {FullUnicode.Collation}", connection);
        await alter.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>The database cannot be reached or opened; the message is one line for the administrator.</summary>
public sealed class DatabaseUnavailableException(string message) : Exception(message);
