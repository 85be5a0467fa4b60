using Crm.Sdk.Clients;
using Crm.TestModules.Notes.Data;
using Microsoft.EntityFrameworkCore;

namespace Crm.TestModules.Notes.Notes;

/// <summary>When two duplicate companies are merged, the notes about the duplicate move to the company kept.</summary>
public sealed class NotesMerge(NotesDbContext db) : IClientMergeParticipant
{
    public async Task<int> MergeAsync(ClientRef from, ClientRef into, CancellationToken cancellationToken)
    {
        if (from.Kind != ClientKind.Company) return 0;
        var notes = await db.Notes.Where(n => n.CompanyId == from.Id).ToListAsync(cancellationToken);
        foreach (var note in notes) note.CompanyId = into.Id;
        await db.SaveChangesAsync(cancellationToken);
        return notes.Count;
    }
}
