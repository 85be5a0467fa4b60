using Crm.Sdk.Search;
using Crm.Sdk.Security;
using Crm.TestModules.Notes.Data;
using Microsoft.EntityFrameworkCore;

namespace Crm.TestModules.Notes.Notes;

/// <summary>Finds notes by title for the global search, within the user's scope.</summary>
public sealed class NoteSearch(NotesDbContext db, ICurrentUser user) : ISearchProvider
{
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int limit, CancellationToken cancellationToken)
    {
        if (!user.HasPermission(Permissions.View)) return [];
        return await db.Notes.AsNoTracking().WithinScope(user, Permissions.View, n => n.OwnerId)
            .Where(n => n.Title.Contains(query))
            .OrderByDescending(n => n.Id).Take(limit)
            .Select(n => new SearchHit("Note", n.Title, n.Body, "/Notes"))
            .ToListAsync(cancellationToken);
    }
}
