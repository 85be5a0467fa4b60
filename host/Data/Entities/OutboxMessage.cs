using Crm.Sdk.Auditing;

namespace Crm.Host.Data.Entities;

/// <summary>
/// A domain event stored with the change that raised it, until every enabled handler has taken it. Written on the raising
/// context's connection by <see cref="Events.EventOutbox"/>; read and updated by <see cref="Events.OutboxDelivery"/>.
/// </summary>
[NotAudited]
public sealed class OutboxMessage
{
    public string Id { get; set; } = "";
    /// <summary>The event's type (full name), found among the sdk's and the modules' types.</summary>
    public string EventType { get; set; } = "";
    /// <summary>The event as JSON.</summary>
    public string Payload { get; set; } = "";
    public DateTime RaisedAtUtc { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAtUtc { get; set; }
    /// <summary>While a node delivers the event, until when it holds it; a crashed node's hold runs out.</summary>
    public DateTime? LockedUntilUtc { get; set; }
    public DateTime? DeliveredAtUtc { get; set; }
    /// <summary>Handlers (type full names, one per line) that took the event already, so a retry skips them.</summary>
    public string? DoneHandlers { get; set; }
    public string? LastError { get; set; }
}
