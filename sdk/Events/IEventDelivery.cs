namespace Crm.Sdk.Events;

/// <summary>
/// The delivery of the event a handler is handling, injected into handlers (scoped). <see cref="EventId"/> is the same on
/// every attempt to deliver one event, so a handler that keeps it (say, in a unique column) can ignore a repeat.
/// </summary>
public interface IEventDelivery
{
    /// <summary>The event's id in the outbox: the same for every delivery of the event.</summary>
    Guid EventId { get; }
    /// <summary>1 on the first attempt, more when the event comes again after a failure or a crash.</summary>
    int Attempt { get; }
    /// <summary>When the change that raised the event was saved.</summary>
    DateTime RaisedAtUtc { get; }
}
