using Crm.Sales.Data;
using Crm.Sdk.Search;
using Crm.Sdk.Security;
using Microsoft.EntityFrameworkCore;

namespace Crm.Sales.Deals;

/// <summary>
/// Finds deals by the start of their title for the global search, within the user's scope: a range on the title's search
/// key (case and ё ignored the same on SQLite and MariaDB), in key order, so that the index answers and a page stops early.
/// </summary>
public sealed class DealSearch(SalesDbContext db, ICurrentUser user) : ISearchProvider
{
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int limit, CancellationToken ct)
    {
        if (!user.HasPermission(Permissions.ViewDeals)) return [];
        var key = SearchKey.Of(query);
        if (key.Length == 0) return [];
        return await db.Deals.AsNoTracking().Where(d => d.DeletedAtUtc == null).WithinScope(user, Permissions.ViewDeals, d => d.OwnerId)
            .WhereStartsWith(d => d.TitleKey, key)
            .OrderBy(d => d.TitleKey).ThenBy(d => d.Id).Take(limit)
            .Select(d => new SearchHit("Deal", d.Title, d.Currency, "/Sales/Deals/" + d.Id))
            .ToListAsync(ct);
    }
}
