using Crm.Host.Security;
using Crm.Sdk.Search;
using Crm.Sdk.Security;

namespace Crm.Host.Clients;

/// <summary>Contacts in the global search: by name, email or phone in any format, within the user's scope.</summary>
public sealed class ContactSearch(ContactService contacts, CurrentUser user) : ISearchProvider
{
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int limit, CancellationToken cancellationToken)
    {
        if (!user.HasPermission(CorePermissions.ViewClients)) return [];
        var page = await contacts.ListAsync(new ContactFilter(query, Limit: limit), cancellationToken);
        return page.Rows.Select(c => new SearchHit("Contact", $"{c.FirstName} {c.LastName}".Trim(), c.Position ?? c.Email, "/Contacts/" + c.Id)).ToList();
    }
}
