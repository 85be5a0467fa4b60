using Crm.Host.Security;
using Crm.Sdk.Search;
using Microsoft.EntityFrameworkCore;

namespace Crm.Host.Clients;

/// <summary>
/// Contacts in the global search, within the user's scope: by the start of "first last" or "last first", email or phone
/// in any format, each an index lookup of its own, merged here.
/// </summary>
public sealed class ContactSearch(ContactService contacts, CurrentUser user) : ISearchProvider
{
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int limit, CancellationToken cancellationToken)
    {
        if (!user.HasPermission(CorePermissions.ViewClients)) return [];
        var terms = SearchTerms.Parse(query);
        var visible = contacts.Filtered(new ContactFilter());
        var found = new List<ContactRow>();
        async Task Add(IQueryable<Contact> lookup) =>
            found.AddRange(await lookup.Take(limit)
                .Select(c => new ContactRow(c.Id, c.FirstName, c.LastName, c.Position, c.Phone, c.Email, c.OwnerId)).ToListAsync(cancellationToken));

        if (terms.Email is { } email) await Add(visible.Where(c => c.Email == email).OrderBy(c => c.Id));
        if (terms.PhoneKey is { } phone) await Add(visible.Where(c => c.PhoneKey == phone).OrderBy(c => c.Id));
        if (terms.NameKey.Length > 0)
        {
            await Add(visible.WhereStartsWith(c => c.LastNameKey, terms.NameKey).OrderBy(c => c.LastNameKey).ThenBy(c => c.Id));
            await Add(visible.WhereStartsWith(c => c.FirstNameKey, terms.NameKey).OrderBy(c => c.FirstNameKey).ThenBy(c => c.Id));
        }
        return found.DistinctBy(c => c.Id).Take(limit)
            .Select(c => new SearchHit("Contact", $"{c.FirstName} {c.LastName}".Trim(), c.Position ?? c.Email, "/Contacts/" + c.Id)).ToList();
    }
}
