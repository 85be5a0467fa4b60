using Crm.Sdk.Clients;
using Crm.Sdk.Modules;
using Crm.Sdk.Security;
using Crm.TestModules.Notes.Data;
using Microsoft.EntityFrameworkCore;

namespace Crm.TestModules.Notes.Notes;

public sealed record NoteSummary(int Id, string Title, string? Body, string OwnerId, bool Pinned, DateTime CreatedAtUtc);

/// <summary>Notes within the current user's scope: the module's one feature service, used by its page and its API.</summary>
public sealed class NoteService(NotesDbContext db, ICurrentUser user, IModuleSettings settings)
{
    IQueryable<Note> Visible => db.Notes.AsNoTracking().WithinScope(user, Permissions.View, n => n.OwnerId);

    public async Task<List<NoteSummary>> ListAsync(CancellationToken ct)
    {
        var pageSize = (int)decimal.Parse((await settings.GetAsync("notes", Settings.PageSize.Key, ct))!, System.Globalization.CultureInfo.InvariantCulture);
        return await Visible.OrderByDescending(n => n.Id).Take(pageSize)
            .Select(n => new NoteSummary(n.Id, n.Title, n.Body, n.OwnerId, n.Pinned, n.CreatedAtUtc)).ToListAsync(ct);
    }

    public Task<string?> IntroAsync(CancellationToken ct) => settings.GetAsync("notes", Settings.Intro.Key, ct);

    public Task<NoteSummary?> FindAsync(int id, CancellationToken ct) =>
        Visible.Where(n => n.Id == id)
            .Select(n => new NoteSummary(n.Id, n.Title, n.Body, n.OwnerId, n.Pinned, n.CreatedAtUtc)).FirstOrDefaultAsync(ct);

    /// <summary>Validates and saves a note owned by the current user; returns the field errors or the new id.</summary>
    /// <summary>The notes about a client company or contact, within the user's scope.</summary>
    public Task<List<NoteSummary>> AboutClientAsync(ClientRef client, int limit, CancellationToken ct) =>
        (client.Kind == ClientKind.Company ? Visible.Where(n => n.CompanyId == client.Id) : Visible.Where(n => n.ContactId == client.Id))
            .OrderByDescending(n => n.Id).Take(limit)
            .Select(n => new NoteSummary(n.Id, n.Title, n.Body, n.OwnerId, n.Pinned, n.CreatedAtUtc)).ToListAsync(ct);

    public async Task<(int? Id, Dictionary<string, string[]> Errors)> CreateAsync(string? title, string? body, CancellationToken ct, int? companyId = null,
        int? contactId = null)
    {
        var errors = new Dictionary<string, string[]>();
        title = title?.Trim();
        if (string.IsNullOrEmpty(title)) errors["title"] = ["Title is required."];
        else if (title.Length > 200) errors["title"] = ["Title must be at most 200 characters."];
        if (errors.Count > 0) return (null, errors);

        var note = new Note { Title = title!, Body = body, OwnerId = user.Id!, CompanyId = companyId, ContactId = contactId, CreatedAtUtc = DateTime.UtcNow };
        // The event needs the note's id, so the note is saved first; both saves share one transaction, so the event is
        // stored in the outbox with the note and delivered once it commits.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Notes.Add(note);
        await db.SaveChangesAsync(ct);
        db.Raise(new NoteCreated(note.Id, note.OwnerId, note.Title, note.Body));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (note.Id, errors);
    }
}
