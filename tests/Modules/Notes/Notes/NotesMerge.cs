using Crm.Sdk.Clients;
using Crm.TestModules.Notes.Data;
using Microsoft.EntityFrameworkCore;

namespace Crm.TestModules.Notes.Notes;

/// <summary>When two duplicate companies or contacts are merged, the notes about the duplicate move to the record kept.</summary>
public sealed class NotesMerge(NotesDbContext db) : IClientMergeParticipant
{
    public async Task<int> MergeAsync(ClientRef from, ClientRef into, CancellationToken cancellationToken)
    {
        var company = from.Kind == ClientKind.Company;
        var notes = await (company ? db.Notes.Where(n => n.CompanyId == from.Id) : db.Notes.Where(n => n.ContactId == from.Id)).ToListAsync(cancellationToken);
        foreach (var note in notes)
            if (company) note.CompanyId = into.Id;
            else note.ContactId = into.Id;
        await db.SaveChangesAsync(cancellationToken);
        return notes.Count;
    }
}
