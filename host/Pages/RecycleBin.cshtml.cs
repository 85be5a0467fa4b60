using Crm.Host.Clients;
using Crm.Host.Security;
using Crm.Sdk.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crm.Host.Pages;

/// <summary>Deleted clients the user may edit, and bringing them back.</summary>
[RequirePermission(CorePermissions.EditClients)]
public sealed class RecycleBinModel(CompanyService service) : PageModel
{
    public List<CompanyRow> Companies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Companies = await service.DeletedAsync(ct);

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct) =>
        await service.RestoreAsync(id, ct) ? Redirect($"/Companies/{id}") : NotFound();
}
