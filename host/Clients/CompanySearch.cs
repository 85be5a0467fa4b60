using Crm.Host.Security;
using Crm.Sdk.Search;
using Microsoft.EntityFrameworkCore;

namespace Crm.Host.Clients;

/// <summary>Companies in the global search: the list's own search (start of the name, or the exact tax number), within the user's scope.</summary>
public sealed class CompanySearch(CompanyService companies, CurrentUser user) : ISearchProvider
{
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int limit, CancellationToken cancellationToken)
    {
        if (!user.HasPermission(CorePermissions.ViewClients)) return [];
        return await companies.Filtered(new CompanyFilter(Search: query))
            .OrderBy(c => c.Name).ThenBy(c => c.Id).Take(limit)
            .Select(c => new SearchHit("Company", c.Name, c.TaxNumber, "/Companies/" + c.Id))
            .ToListAsync(cancellationToken);
    }
}
