using Crm.Sales.Data;
using Crm.Sdk.Search;
using Crm.Sdk.Security;
using Microsoft.EntityFrameworkCore;

namespace Crm.Sales.Deals;

/// <summary>Finds deals by the start of their title for the global search, within the user's scope.</summary>
public sealed class DealSearch(SalesDbContext db, ICurrentUser user) : ISearchProvider
{
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int limit, CancellationToken ct)
    {
        if (!user.HasPermission(Permissions.ViewDeals)) return [];
        return await db.Deals.AsNoTracking().Where(d => d.DeletedAtUtc == null).WithinScope(user, Permissions.ViewDeals, d => d.OwnerId)
            .Where(d => d.Title.StartsWith(query))
            .OrderByDescending(d => d.UpdatedAtUtc).Take(limit)
            .Select(d => new SearchHit("Deal", d.Title, d.Currency, "/Sales/Deals/" + d.Id))
            .ToListAsync(ct);
    }
}
