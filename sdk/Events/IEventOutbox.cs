using Microsoft.EntityFrameworkCore;

namespace Crm.Sdk.Events;

/// <summary>
/// The host's transactional outbox, used by <see cref="Data.ModuleDbContext"/>: events are stored on the saving
/// context's connection inside its transaction, and delivered once that transaction commits. Modules do not call it.
/// </summary>
public interface IEventOutbox
{
    /// <summary>Stores the events in the context's current transaction and returns their ids.</summary>
    Task<IReadOnlyList<Guid>> StoreAsync(DbContext context, IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken);

    /// <summary>Delivers stored events whose transaction has committed.</summary>
    Task DeliverAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken);

    /// <summary>Delivers the events when the context's current transaction commits (the host watches its commits).</summary>
    void DeliverOnCommit(DbContext context, IReadOnlyList<Guid> ids);
}
