using Crm.Host.Data;
using Crm.Sdk.Events;

namespace Crm.Host.Events;

/// <summary>Publishes an event that follows no change of the caller's: stored in the outbox on its own, then delivered.</summary>
public sealed class DomainEventPublisher(CoreDbContext db, IEventOutbox outbox) : IDomainEventPublisher
{
    public async Task PublishAsync(IDomainEvent domainEvent, CancellationToken cancellationToken)
    {
        var ids = await outbox.StoreAsync(db, [domainEvent], cancellationToken);
        if (db.Database.CurrentTransaction != null) outbox.DeliverOnCommit(db, ids);
        else await outbox.DeliverAsync(ids, cancellationToken);
    }
}
