using Crm.Sdk.Clients;
using Crm.TestModules.Notes.Data;
using Microsoft.EntityFrameworkCore;

namespace Crm.TestModules.Notes.Notes;

/// <summary>When a company or contact is deleted for good, the notes about it stay as notes about no client.</summary>
public sealed class NotesPurge(NotesDbContext db) : IClientPurgeParticipant
{
    public Task<string?> RefusalAsync(ClientRef client, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    public async Task<int> PurgeAsync(ClientRef client, CancellationToken cancellationToken)
    {
        var company = client.Kind == ClientKind.Company;
        var notes = await (company ? db.Notes.Where(n => n.CompanyId == client.Id) : db.Notes.Where(n => n.ContactId == client.Id))
            .ToListAsync(cancellationToken);
        foreach (var note in notes)
            if (company) note.CompanyId = null;
            else note.ContactId = null;
        await db.SaveChangesAsync(cancellationToken);
        return notes.Count;
    }
}
