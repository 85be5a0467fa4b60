using Crm.Host.Clients;
using Crm.Host.Pages.Shared;
using Crm.Host.Security;
using Crm.Sdk.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crm.Host.Pages.Companies;

[RequirePermission(CorePermissions.EditClients)]
public sealed class DuplicatesModel(CompanyDuplicates duplicates) : PageModel
{
    public DuplicatesView View { get; private set; } = new("/Companies", []);

    public async Task OnGetAsync(CancellationToken ct) =>
        View = new("/Companies", (await duplicates.FindAsync(ct))
            .Select(g => (g.Reason, (IReadOnlyList<DuplicateItem>)g.Companies.Select(c => new DuplicateItem(c.Id, c.Name, c.TaxNumber)).ToList())).ToList());
}
