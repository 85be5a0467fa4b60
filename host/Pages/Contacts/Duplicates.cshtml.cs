using Crm.Host.Clients;
using Crm.Host.Pages.Shared;
using Crm.Host.Security;
using Crm.Sdk.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crm.Host.Pages.Contacts;

/// <summary>Likely duplicate people (same phone, email or name) among the contacts the user may edit.</summary>
[RequirePermission(CorePermissions.EditClients)]
public sealed class DuplicatesModel(ContactDuplicates duplicates) : PageModel
{
    public DuplicatesView View { get; private set; } = new("/Contacts", []);

    public async Task OnGetAsync(CancellationToken ct) =>
        View = new("/Contacts", (await duplicates.FindAsync(ct))
            .Select(g => (g.Reason, (IReadOnlyList<DuplicateItem>)g.Contacts
                .Select(c => new DuplicateItem(c.Id, $"{c.FirstName} {c.LastName}".Trim(), c.Phone ?? c.Email)).ToList())).ToList());
}
