using Crm.Sdk.Clients;
using Crm.TestModules.Notes.Data;
using Microsoft.EntityFrameworkCore;

namespace Crm.TestModules.Notes.Notes;

/// <summary>A leaving employee's notes go to whoever now owns the company they are about.</summary>
public sealed class NotesHandover(NotesDbContext db) : IHandoverParticipant
{
    public async Task<IReadOnlyList<HandoverItem>> HandOverAsync(IHandoverPlan plan, CancellationToken cancellationToken)
    {
        var notes = await db.Notes.Where(n => n.OwnerId == plan.FromUserId).ToListAsync(cancellationToken);
        foreach (var note in notes)
            note.OwnerId = plan.SuccessorFor(note.CompanyId is { } company ? new ClientRef(ClientKind.Company, company) : null);
        await db.SaveChangesAsync(cancellationToken);
        return notes.Select(n => new HandoverItem("Note", n.Title, n.OwnerId)).ToList();
    }
}
