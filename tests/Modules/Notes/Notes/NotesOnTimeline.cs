using Crm.Sdk.Clients;

namespace Crm.TestModules.Notes.Notes;

/// <summary>Puts notes about a company or a contact on their timeline.</summary>
public sealed class NotesOnTimeline(NoteService notes) : ITimelineSource
{
    public async Task<IReadOnlyList<TimelineEntry>> ForClientAsync(ClientRef client, int limit, CancellationToken cancellationToken)
    {
        return (await notes.AboutClientAsync(client, limit, cancellationToken))
            .Select(n => new TimelineEntry(n.CreatedAtUtc, "Note", n.Title, n.Body, "/Notes")).ToList();
    }
}
