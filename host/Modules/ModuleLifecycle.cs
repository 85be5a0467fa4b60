using Crm.Host.Data;
using Crm.Host.Data.Entities;
using Crm.Host.Security;
using Microsoft.EntityFrameworkCore;

namespace Crm.Host.Modules;

/// <summary>The outcome of an enable or disable request, with what the administrator must know.</summary>
public sealed record ModuleChangeResult(bool Succeeded, string Message, IReadOnlyList<string> NeedsConfirmation)
{
    public static ModuleChangeResult Done(string message) => new(true, message, []);
    public static ModuleChangeResult Refused(string message) => new(false, message, []);
}

/// <summary>
/// Enables and disables modules at run time: enabling applies pending migrations, grants the module's default
/// permissions the first time and shows its pages; disabling hides them and keeps the data.
/// </summary>
public sealed class ModuleLifecycle(
    ModuleCatalog catalog,
    ModuleParts parts,
    SchemaMigrator migrator,
    IServiceScopeFactory scopes,
    ILogger<ModuleLifecycle> logger)
{
    readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Restores the states saved in the database at start, applying any migrations a new version brings.</summary>
    public async Task RestoreAsync(bool enableNewModules, bool migrate, CancellationToken cancellationToken)
    {
        var saved = await WithDb(db => db.ModuleStates.AsNoTracking().ToDictionaryAsync(s => s.Id, cancellationToken));
        foreach (var entry in catalog.InDependencyOrder().Where(e => e.Status != ModuleStatus.Failed))
        {
            saved.TryGetValue(entry.Id, out var state);
            entry.InstalledVersion = state?.InstalledVersion;
            var wanted = state?.Enabled ?? enableNewModules;
            entry.Status = state == null ? ModuleStatus.Discovered : ModuleStatus.Disabled;
            if (wanted && catalog.MissingDependenciesOf(entry).Count == 0)
                await ActivateAsync(entry, migrate, cancellationToken);
        }
    }

    /// <summary>
    /// Enables a module. If modules it depends on are off, nothing changes unless <paramref name="withDependencies"/>
    /// is set; the result lists them so the administrator can confirm.
    /// </summary>
    public async Task<ModuleChangeResult> EnableAsync(string id, bool withDependencies, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var entry = catalog.Find(id);
            if (entry == null) return ModuleChangeResult.Refused($"No module \"{id}\".");
            if (!entry.Registered) return ModuleChangeResult.Refused($"Module \"{id}\" failed: {entry.Error}");
            if (entry.IsEnabled) return ModuleChangeResult.Done($"Module \"{id}\" is already enabled.");
            var missing = catalog.MissingDependenciesOf(entry);
            if (missing.Count > 0 && !withDependencies)
                return new ModuleChangeResult(false,
                    $"Module \"{id}\" needs {string.Join(", ", missing.Select(m => m.Id))} enabled too.",
                    missing.Select(m => m.Id).ToList());
            foreach (var dependency in missing.Append(entry))
            {
                if (!dependency.Registered) return ModuleChangeResult.Refused($"Module \"{dependency.Id}\" failed: {dependency.Error}");
                if (!await ActivateAsync(dependency, migrate: true, cancellationToken))
                    return ModuleChangeResult.Refused($"Module \"{dependency.Id}\" failed: {dependency.Error}");
            }
            return ModuleChangeResult.Done($"Module \"{id}\" is enabled.");
        }
        finally { _gate.Release(); }
    }

    /// <summary>Disables a module, refusing while enabled modules depend on it. Its data stays.</summary>
    public async Task<ModuleChangeResult> DisableAsync(string id, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var entry = catalog.Find(id);
            if (entry == null) return ModuleChangeResult.Refused($"No module \"{id}\".");
            if (!entry.IsEnabled) return ModuleChangeResult.Done($"Module \"{id}\" is not enabled.");
            var dependents = catalog.EnabledDependentsOf(id).Select(e => e.Id).ToList();
            if (dependents.Count > 0)
                return ModuleChangeResult.Refused($"Module \"{id}\" is needed by {string.Join(", ", dependents)}; disable those first.");
            parts.Hide(entry);
            entry.Status = ModuleStatus.Disabled;
            await SaveStateAsync(entry, cancellationToken);
            logger.LogInformation("Module {Module} disabled", id);
            return ModuleChangeResult.Done($"Module \"{id}\" is disabled; its data is kept.");
        }
        finally { _gate.Release(); }
    }

    /// <summary>Applies pending migrations of every enabled module (the "migrate" command).</summary>
    public IReadOnlyList<string> MigrateEnabled()
    {
        var migrated = new List<string>();
        foreach (var entry in catalog.Enabled)
        {
            migrator.MigrateUp(entry.Id, entry.Assembly!);
            migrated.Add(entry.Id);
        }
        return migrated;
    }

    async Task<bool> ActivateAsync(ModuleEntry entry, bool migrate, CancellationToken cancellationToken)
    {
        var firstTime = entry.InstalledVersion == null;
        try
        {
            if (migrator.HasPending(entry.Id, entry.Assembly!))
            {
                if (!migrate && !firstTime)
                {
                    entry.Fail("its new version has migrations to apply: run the \"migrate\" command");
                    return false;
                }
                migrator.MigrateUp(entry.Id, entry.Assembly!);
            }
        }
        catch (Exception e)
        {
            logger.LogError(e, "Migrations of module {Module} failed", entry.Id);
            entry.Fail($"migration failed: {e.GetBaseException().Message}");
            return false;
        }
        await WithDb(db => new RoleSeeder(db).GrantDefaultsAsync(entry.Contributions.Permissions, cancellationToken));
        entry.InstalledVersion = entry.Manifest!.Version;
        entry.Status = ModuleStatus.Enabled;
        entry.Error = null;
        parts.Show(entry);
        await SaveStateAsync(entry, cancellationToken);
        logger.LogInformation("Module {Module} {Version} enabled", entry.Id, entry.Manifest!.Version);
        return true;
    }

    Task SaveStateAsync(ModuleEntry entry, CancellationToken cancellationToken) => WithDb(async db =>
    {
        var state = await db.ModuleStates.FindAsync([entry.Id], cancellationToken);
        // A start re-enables modules as they were: that is no change, and would leave an audit row per module per start.
        if (state != null && state.Enabled == entry.IsEnabled && state.InstalledVersion == entry.InstalledVersion) return 0;
        if (state == null) db.ModuleStates.Add(state = new ModuleState { Id = entry.Id });
        state.Enabled = entry.IsEnabled;
        state.InstalledVersion = entry.InstalledVersion;
        state.ChangedAtUtc = DateTime.UtcNow;
        return await db.SaveChangesAsync(cancellationToken);
    });

    async Task<T> WithDb<T>(Func<CoreDbContext, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<CoreDbContext>());
    }
}
