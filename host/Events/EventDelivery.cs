using Crm.Sdk.Events;

namespace Crm.Host.Events;

/// <summary>The delivery a handler's scope runs for; <see cref="OutboxDelivery"/> sets it before resolving the handler.</summary>
public sealed class EventDelivery : IEventDelivery
{
    public Guid EventId { get; set; }
    public int Attempt { get; set; }
    public DateTime RaisedAtUtc { get; set; }
}
