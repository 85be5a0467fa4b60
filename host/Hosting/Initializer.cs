using Crm.Host.Data;
using Crm.Host.Modules;
using Crm.Host.Security;
using Microsoft.Extensions.Options;

namespace Crm.Host.Hosting;

/// <summary>
/// Prepares the database, migrates the host's schema, creates the built-in roles and restores module states.
/// Runs before the web server starts listening (<see cref="IHostedLifecycleService.StartingAsync"/>), and from the command line.
/// </summary>
public sealed class Initializer(
    InstallationDatabase database,
    SchemaMigrator migrator,
    ModuleLifecycle modules,
    IServiceScopeFactory scopes,
    IOptions<CrmOptions> options,
    ILogger<Initializer> logger) : IHostedLifecycleService
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await database.PrepareAsync(cancellationToken);
        var migrate = options.Value.Database.MigrateOnStart;
        try
        {
            if (migrator.HasPending("core", typeof(Initializer).Assembly))
            {
                if (!migrate) throw new DatabaseUnavailableException(
                    $"The database ({database.Describe()}) needs migrations and Crm:Database:MigrateOnStart is off: run the \"migrate\" command.");
                migrator.MigrateUp("core", typeof(Initializer).Assembly);
            }
        }
        catch (Exception e) when (e.GetBaseException() is System.Data.Common.DbException db)
        {
            throw new DatabaseUnavailableException($"Cannot migrate the database ({database.Describe()}): {db.Message}");
        }
        await using (var scope = scopes.CreateAsyncScope())
        {
            var seeder = new RoleSeeder(scope.ServiceProvider.GetRequiredService<CoreDbContext>());
            await seeder.EnsureBuiltInRolesAsync(cancellationToken);
            await seeder.GrantDefaultsAsync(CorePermissions.All, cancellationToken);
        }
        await modules.RestoreAsync(options.Value.EnableNewModules, migrate, cancellationToken);
        logger.LogInformation("Database ready: {Database}", database.Describe());
    }

    public Task StartingAsync(CancellationToken cancellationToken) => InitializeAsync(cancellationToken);
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
