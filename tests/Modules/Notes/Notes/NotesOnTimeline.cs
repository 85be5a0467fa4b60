using Crm.Sdk.Clients;

namespace Crm.TestModules.Notes.Notes;

/// <summary>Puts notes about a company on its timeline.</summary>
public sealed class NotesOnTimeline(NoteService notes) : ITimelineSource
{
    public async Task<IReadOnlyList<TimelineEntry>> ForClientAsync(ClientRef client, int limit, CancellationToken cancellationToken)
    {
        if (client.Kind != ClientKind.Company) return [];
        return (await notes.AboutCompanyAsync(client.Id, limit, cancellationToken))
            .Select(n => new TimelineEntry(n.CreatedAtUtc, "Note", n.Title, n.Body, "/Notes")).ToList();
    }
}
