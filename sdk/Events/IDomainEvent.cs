namespace Crm.Sdk.Events;

/// <summary>Something that happened in a module that other modules may react to. Events shared between modules live in the sdk.</summary>
public interface IDomainEvent;

/// <summary>Reacts to a domain event. Runs after the commit that raised it, only while its module is enabled; a failure is logged and does not undo the commit.</summary>
public interface IDomainEventHandler<in TEvent> where TEvent : IDomainEvent
{
    /// <summary>Handles the event.</summary>
    Task HandleAsync(TEvent domainEvent, CancellationToken cancellationToken);
}

/// <summary>Delivers an event to the handlers of enabled modules.</summary>
public interface IDomainEventPublisher
{
    /// <summary>Delivers the event now; call it after your data is committed (or use <c>ModuleDbContext.Raise</c>).</summary>
    Task PublishAsync(IDomainEvent domainEvent, CancellationToken cancellationToken);
}
