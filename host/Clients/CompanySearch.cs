using Crm.Host.Security;
using Crm.Sdk.Search;
using Microsoft.EntityFrameworkCore;

namespace Crm.Host.Clients;

/// <summary>
/// Companies in the global search, within the user's scope: by the start of the name without its legal form («ООО "Вектор"»
/// is found by "вектор"), the exact tax number, email or phone in any format, each an index lookup of its own.
/// </summary>
public sealed class CompanySearch(CompanyService companies, CurrentUser user) : ISearchProvider
{
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int limit, CancellationToken cancellationToken)
    {
        if (!user.HasPermission(CorePermissions.ViewClients)) return [];
        var terms = SearchTerms.Parse(query);
        var visible = companies.Filtered(new CompanyFilter());
        var found = new List<Found>();
        async Task Add(IQueryable<Company> lookup) =>
            found.AddRange(await lookup.Take(limit).Select(c => new Found(c.Id, c.Name, c.TaxNumber)).ToListAsync(cancellationToken));

        // Exact matches are ordered by id: ordering them by name key would tempt SQLite into walking that index instead.
        if (terms.Email is { } email) await Add(visible.Where(c => c.Email == email).OrderBy(c => c.Id));
        if (terms.PhoneKey is { } phone) await Add(visible.Where(c => c.PhoneKey == phone).OrderBy(c => c.Id));
        if (terms.TaxNumber is { } taxNumber) await Add(visible.Where(c => c.TaxNumber == taxNumber).OrderBy(c => c.Id));
        var nameKey = CompanyNames.Key(terms.Text) is { Length: > 0 } withoutLegalForm ? withoutLegalForm : terms.NameKey;
        if (nameKey.Length > 0) await Add(visible.WhereStartsWith(c => c.NameKey, nameKey).OrderBy(c => c.NameKey).ThenBy(c => c.Id));
        return found.DistinctBy(c => c.Id).Take(limit)
            .Select(c => new SearchHit("Company", c.Name, c.TaxNumber, "/Companies/" + c.Id)).ToList();
    }

    sealed record Found(int Id, string Name, string? TaxNumber);
}
