using Crm.Host.Security;
using Crm.Sdk.Search;
using Crm.Sdk.Security;
using Microsoft.EntityFrameworkCore;

namespace Crm.Host.Clients;

/// <summary>Companies in the global search: by the start of the name or the exact tax number, within the user's scope.</summary>
public sealed class CompanySearch(Data.CoreDbContext db, CurrentUser user) : ISearchProvider
{
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int limit, CancellationToken cancellationToken)
    {
        if (!user.HasPermission(CorePermissions.ViewClients)) return [];
        return await db.Companies.AsNoTracking().Where(c => c.DeletedAtUtc == null)
            .WithinScope(user, CorePermissions.ViewClients, c => c.OwnerId)
            .Where(c => c.Name.StartsWith(query) || c.TaxNumber == query)
            .OrderBy(c => c.Name).ThenBy(c => c.Id).Take(limit)
            .Select(c => new SearchHit("Company", c.Name, c.TaxNumber, "/Companies/" + c.Id))
            .ToListAsync(cancellationToken);
    }
}
