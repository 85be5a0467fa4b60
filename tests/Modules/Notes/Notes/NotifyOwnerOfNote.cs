using Crm.Sdk.Events;
using Crm.Sdk.Notifications;

namespace Crm.TestModules.Notes.Notes;

/// <summary>Tells the owner a note was filed for them: proves events arrive after commit and reach the notifier.</summary>
public sealed class NotifyOwnerOfNote(INotifier notifier) : IDomainEventHandler<NoteCreated>
{
    public Task HandleAsync(NoteCreated domainEvent, CancellationToken cancellationToken) =>
        notifier.NotifyAsync(domainEvent.OwnerId, $"Note: {domainEvent.Title}", null, $"/api/v1/notes/{domainEvent.NoteId}", cancellationToken);
}
