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
        using var provider = BuildRunner(owner, assembly);
        using var scope = provider.CreateScope();
        return scope.ServiceProvider.GetRequiredService<IMigrationRunner>().HasMigrationsToApplyUp();
    }

    /// <summary>A module without tables has no migrations, and FluentMigrator would refuse to run on it.</summary>
    static bool HasMigrations(Assembly assembly) =>
        assembly.GetTypes().Any(t => !t.IsAbstract && typeof(FluentMigrator.IMigration).IsAssignableFrom(t));

    ServiceProvider BuildRunner(string owner, Assembly assembly) =>
        new ServiceCollection()
            .AddSingleton(loggerFactory)
            .AddLogging()
            .AddFluentMigratorCore()
            .ConfigureRunner(runner =>
            {
                if (database.Provider == DatabaseProvider.Sqlite) runner.AddSQLite();
                else runner.AddMySql5();
                runner.WithGlobalConnectionString(database.ConnectionString)
                    .WithVersionTable(new OwnVersionTable(owner))
                    .ScanIn(assembly).For.Migrations();
            })
            .BuildServiceProvider(validateScopes: false);

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
