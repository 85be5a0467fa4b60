using Crm.Sdk.Events;
using Crm.Sdk.Notifications;
using Microsoft.Extensions.Configuration;

namespace Crm.TestModules.Notes.Notes;

/// <summary>
/// A handler that fails while the setting "Modules:notes:FailDeliveries" is true, for notes whose body is "flaky": proves
/// that a failed event comes again (with its id and attempt), and that the handler that succeeded is not called twice.
/// </summary>
public sealed class RetryFlakyNotes(INotifier notifier, IEventDelivery delivery, IConfiguration configuration) : IDomainEventHandler<NoteCreated>
{
    public Task HandleAsync(NoteCreated domainEvent, CancellationToken cancellationToken)
    {
        if (domainEvent.Body != "flaky") return Task.CompletedTask;
        if (configuration.GetValue<bool>("Modules:notes:FailDeliveries")) throw new InvalidOperationException("Failing as asked");
        return notifier.NotifyAsync(domainEvent.OwnerId, $"Delivered on attempt {delivery.Attempt}: {domainEvent.Title}",
            delivery.EventId.ToString(), null, cancellationToken);
    }
}
