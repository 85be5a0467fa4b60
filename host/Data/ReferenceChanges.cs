using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Crm.Host.Data;

/// <summary>
/// Tells the <see cref="ReferenceCache"/> of the context's host which entity types a save changed: once the save is
/// written, so that the rest of the request reads its own change, and again when the transaction around it ends, so
/// that a value loaded from the old rows by another request between the save and the commit is not kept.
/// </summary>
public sealed class ReferenceChanges : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    readonly ConditionalWeakTable<DbContext, HashSet<Type>> _pending = new();

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Announce(eventData.Context, ended: false);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Announce(eventData.Context, ended: false);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Announce(eventData.Context, ended: false);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Announce(eventData.Context, ended: false);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Announce(eventData.Context, ended: true);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Announce(eventData.Context, ended: true);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Announce(eventData.Context, ended: true);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Announce(eventData.Context, ended: true);
        return Task.CompletedTask;
    }

    void Collect(DbContext? context)
    {
        if (context == null) return;
        var changed = context.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Metadata.ClrType).ToList();
        if (changed.Count > 0) _pending.GetOrCreateValue(context).UnionWith(changed);
    }

    /// <summary>Moves the changed types' generations on; forgets them once no transaction can still hide the change.</summary>
    void Announce(DbContext? context, bool ended)
    {
        if (context == null || !_pending.TryGetValue(context, out var types)) return;
        var cache = context.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider
            ?.GetService(typeof(ReferenceCache)) as ReferenceCache;
        foreach (var type in types) cache?.Changed(type);
        if (ended || context.Database.CurrentTransaction == null) _pending.Remove(context);
    }
}
