using Crm.Sdk.Auditing;
using Crm.Sdk.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Crm.Sdk.Data;

/// <summary>
/// The base of every module's DbContext. The host configures the database provider; the module configures its
/// model in <see cref="ConfigureModel"/>. Every table must start with <see cref="TablePrefix"/> and an underscore,
/// so modules never collide. Saving records an audit row per changed field in the same transaction, and
/// publishes the domain events raised with <see cref="Raise"/> after the commit.
/// </summary>
public abstract class ModuleDbContext(DbContextOptions options) : DbContext(options)
{
    readonly List<IDomainEvent> _pendingEvents = [];

    /// <summary>The module id; tables are named <c>{id}_{name}</c>.</summary>
    protected abstract string TablePrefix { get; }

    /// <summary>Configures the module's entities, with table names that carry the prefix.</summary>
    protected abstract void ConfigureModel(ModelBuilder modelBuilder);

    /// <summary>Queues a domain event, delivered to enabled modules' handlers after the next successful save.</summary>
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
        int written;
        try
        {
            written = await AuditedSave.SaveAsync(this, accept => base.SaveChangesAsync(accept, cancellationToken),
                acceptAllChangesOnSuccess, cancellationToken);
        }
        catch
        {
            _pendingEvents.Clear(); // what was not saved did not happen
            throw;
        }

        if (_pendingEvents.Count > 0 && Database.CurrentTransaction == null)
        {
            var events = _pendingEvents.ToList();
            _pendingEvents.Clear();
            var publisher = this.GetService<IDomainEventPublisher>();
            foreach (var domainEvent in events) await publisher.PublishAsync(domainEvent, cancellationToken);
        }
        return written;
    }
}
