using Crm.Sdk.Auditing;
using Crm.Sdk.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Crm.Sdk.Data;

/// <summary>
/// The base of every module's DbContext. The host configures the database provider; the module configures its
/// model in <see cref="ConfigureModel"/>. Every table must start with <see cref="TablePrefix"/> and an underscore,
/// so modules never collide. Saving records an audit row per changed field in the same transaction, and stores the
/// domain events raised with <see cref="Raise"/> in the outbox in that transaction too; they are delivered once it
/// commits (at once when the save made its own transaction, at the commit of yours when you began one).
/// </summary>
public abstract class ModuleDbContext(DbContextOptions options) : DbContext(options)
{
    readonly List<IDomainEvent> _pendingEvents = [];

    /// <summary>The module id; tables are named <c>{id}_{name}</c>.</summary>
    protected abstract string TablePrefix { get; }

    /// <summary>Configures the module's entities, with table names that carry the prefix.</summary>
    protected abstract void ConfigureModel(ModelBuilder modelBuilder);

    /// <summary>
    /// Queues a domain event: the next save stores it in the outbox with the change, and it is delivered to enabled modules'
    /// handlers after the commit. Raise it before the save (and before committing your own transaction), never after.
    /// </summary>
    public void Raise(IDomainEvent domainEvent) => _pendingEvents.Add(domainEvent);

    /// <inheritdoc />
    protected sealed override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ConfigureModel(modelBuilder);
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            var table = entity.GetTableName();
            if (table != null && !table.StartsWith(TablePrefix + "_", StringComparison.Ordinal))
                throw new InvalidOperationException(
                    $"{GetType().Name}: table \"{table}\" of {entity.DisplayName()} must start with \"{TablePrefix}_\"");
        }
    }

    /// <inheritdoc />
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Use SaveChangesAsync: saving audits and publishes events asynchronously.");

    /// <inheritdoc />
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (_pendingEvents.Count == 0) return await SaveAuditedAsync(acceptAllChangesOnSuccess, cancellationToken);

        // The events go into the outbox in the change's transaction: both commit, or neither.
        var events = _pendingEvents.ToList();
        _pendingEvents.Clear();
        var outbox = this.GetService<IEventOutbox>();
        var ownTransaction = Database.CurrentTransaction == null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var written = await SaveAuditedAsync(acceptAllChangesOnSuccess, cancellationToken);
            var stored = await outbox.StoreAsync(this, events, cancellationToken);
            if (ownTransaction == null)
            {
                outbox.DeliverOnCommit(this, stored);
                return written;
            }
            await ownTransaction.CommitAsync(cancellationToken);
            await outbox.DeliverAsync(stored, cancellationToken);
            return written;
        }
        finally
        {
            if (ownTransaction != null) await ownTransaction.DisposeAsync();
        }
    }

    Task<int> SaveAuditedAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken) =>
        AuditedSave.SaveAsync(this, accept => base.SaveChangesAsync(accept, cancellationToken), acceptAllChangesOnSuccess, cancellationToken);
}
