using Crm.Sdk.Events;

namespace Crm.TestModules.Notes.Notes;

public sealed record NoteCreated(int NoteId, string OwnerId, string Title, string? Body = null) : IDomainEvent;
