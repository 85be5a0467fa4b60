using Crm.Host.Clients;
using Crm.Host.Security;
using Crm.Sdk.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crm.Host.Pages.Companies;

[RequirePermission(CorePermissions.EditClients)]
public sealed class DuplicatesModel(CompanyDuplicates duplicates) : PageModel
{
    public List<DuplicateGroup> Groups { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Groups = await duplicates.FindAsync(ct);
}
