using System.Reflection;
using FluentMigrator.Runner;
using FluentMigrator.Runner.VersionTableInfo;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Host.Data;

/// <summary>
/// Applies FluentMigrator migrations for one schema owner (the host, or a module) with that owner's own version
/// table, so that each module is upgraded on its own and only its new migrations run.
/// </summary>
public sealed class SchemaMigrator(InstallationDatabase database, ILoggerFactory loggerFactory)
{
    /// <summary>Migrates <paramref name="owner"/>'s schema to the newest migration in <paramref name="assembly"/> (or to <paramref name="toVersion"/>).</summary>
    public void MigrateUp(string owner, Assembly assembly, long? toVersion = null)
    {
        if (!HasMigrations(assembly)) return;
        using var provider = BuildRunner(owner, assembly);
        using var scope = provider.CreateScope();
        var runner = scope.ServiceProvider.GetRequiredService<IMigrationRunner>();
        if (toVersion is { } version) runner.MigrateUp(version);
        else runner.MigrateUp();
    }

    /// <summary>Whether the owner's schema has migrations not yet applied.</summary>
    public bool HasPending(string owner, Assembly assembly)
    {
        if (!HasMigrations(assembly)) return false;
        if (Applied(owner) is { } applied && applied.Newest >= NewestVersion(assembly) && applied.Count >= MigrationCount(assembly)) return false;
        using var provider = BuildRunner(owner, assembly);
        using var scope = provider.CreateScope();
        return scope.ServiceProvider.GetRequiredService<IMigrationRunner>().HasMigrationsToApplyUp();
    }

    /// <summary>The newest migration version in the assembly.</summary>
    public static long NewestVersion(Assembly assembly) =>
        assembly.GetTypes().Select(t => t.GetCustomAttribute<FluentMigrator.MigrationAttribute>()?.Version ?? 0).Max();

    /// <summary>How many migrations the assembly holds.</summary>
    static int MigrationCount(Assembly assembly) =>
        assembly.GetTypes().Count(t => t.GetCustomAttribute<FluentMigrator.MigrationAttribute>() != null);

    /// <summary>
    /// The newest version recorded in the owner's version table and how many are recorded, or null when the table is not
    /// there yet. One cheap query, so that a start with nothing to migrate does not build a migration runner per module.
    /// The count matters because migrations numbered by several people land out of order (6 merged after 7): a database
    /// at 7 still needs 6, which FluentMigrator applies once asked.
    /// </summary>
    (long Newest, long Count)? Applied(string owner)
    {
        using var connection = database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT MAX(Version), COUNT(*) FROM {owner}_schema_versions";
        try
        {
            using var reader = command.ExecuteReader();
            return reader.Read() && !reader.IsDBNull(0) ? (Convert.ToInt64(reader.GetValue(0)), Convert.ToInt64(reader.GetValue(1))) : null;
        }
        catch (System.Data.Common.DbException) { return null; }
    }

    /// <summary>A module without tables has no migrations, and FluentMigrator would refuse to run on it.</summary>
    static bool HasMigrations(Assembly assembly) =>
        assembly.GetTypes().Any(t => !t.IsAbstract && typeof(FluentMigrator.IMigration).IsAssignableFrom(t));

    ServiceProvider BuildRunner(string owner, Assembly assembly) =>
        new ServiceCollection()
            .AddSingleton(loggerFactory)
            .AddLogging()
            .AddFluentMigratorCore()
            .AddSingleton<FluentMigrator.Runner.Conventions.IConventionSet>(Conventions())
            .ConfigureRunner(runner =>
            {
                if (database.Provider == DatabaseProvider.Sqlite) runner.AddSQLite();
                else runner.AddMySql5();
                runner.WithGlobalConnectionString(database.ConnectionString)
                    .WithVersionTable(new OwnVersionTable(owner))
                    .ScanIn(assembly).For.Migrations();
            })
            .BuildServiceProvider(validateScopes: false);

    /// <summary>FluentMigrator's conventions, and on MySQL/MariaDB text columns in utf8mb4 (<see cref="FullUnicodeColumns"/>).</summary>
    FluentMigrator.Runner.Conventions.IConventionSet Conventions()
    {
        var conventions = new FluentMigrator.Runner.DefaultConventionSet();
        if (database.Provider == DatabaseProvider.MySql) conventions.ColumnsConventions.Add(new FullUnicodeColumns());
        return conventions;
    }

    /// <summary>"{owner}_schema_versions": one version table per schema owner.</summary>
    sealed class OwnVersionTable(string owner) : IVersionTableMetaData
    {
        public bool OwnsSchema => false;
        public string SchemaName => "";
        public string TableName => $"{owner}_schema_versions";
        public string ColumnName => "Version";
        public string DescriptionColumnName => "Description";
        public string UniqueIndexName => $"UC_{owner}_schema_versions";
        public string AppliedOnColumnName => "AppliedOn";
        public bool CreateWithPrimaryKey => false;
    }
}
