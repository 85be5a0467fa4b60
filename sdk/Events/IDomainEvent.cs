namespace Crm.Sdk.Events;

/// <summary>
/// Something that happened in a module that other modules may react to. Events shared between modules live in the sdk.
/// An event is stored as JSON in the outbox, so it must be a plain record whose properties round-trip through
/// System.Text.Json.
/// </summary>
public interface IDomainEvent;

/// <summary>
/// Reacts to a domain event. An event raised with <c>ModuleDbContext.Raise</c> is stored in the outbox in the same
/// transaction as the change, and delivered after the commit while the handler's module is enabled. Delivery is at least
/// once: a handler that throws (or a crash before it finished) gets the event again later with back-off, so a handler
/// must ignore a repeat, using <see cref="IEventDelivery.EventId"/> (or the state of its own data). Handlers of one event
/// that succeeded are not called again when another handler of it fails.
/// </summary>
public interface IDomainEventHandler<in TEvent> where TEvent : IDomainEvent
{
    /// <summary>Handles the event, in a service scope of its own.</summary>
    Task HandleAsync(TEvent domainEvent, CancellationToken cancellationToken);
}

/// <summary>Delivers an event to the handlers of enabled modules.</summary>
public interface IDomainEventPublisher
{
    /// <summary>
    /// Stores the event in the outbox and delivers it now. Prefer <c>ModuleDbContext.Raise</c>, which stores the event in
    /// the transaction of your change; use this only for an event that follows no database change of yours.
    /// </summary>
    Task PublishAsync(IDomainEvent domainEvent, CancellationToken cancellationToken);
}
