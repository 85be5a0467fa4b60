using Crm.Host.Clients;
using Crm.Host.Security;
using Crm.Sdk.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crm.Host.Pages.Companies;

[RequirePermission(CorePermissions.ViewClients)]
public sealed class IndexModel(CompanyService service, CurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public CompanyStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? AfterName { get; set; }
    [BindProperty(SupportsGet = true)] public int? AfterId { get; set; }
    public CompanyPage Result { get; private set; } = new([], null, null);
    public bool CanEdit => user.HasPermission(CorePermissions.EditClients);

    public async Task OnGetAsync(CancellationToken ct) =>
        Result = await service.ListAsync(new CompanyFilter(Status, null, Q, AfterName, AfterId), ct);
}
