using Crm.Host.Clients;
using Crm.Host.Security;
using Crm.Sdk.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crm.Host.Pages.Contacts;

[RequirePermission(CorePermissions.ViewClients)]
public sealed class IndexModel(ContactService service, CurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? AfterLastName { get; set; }
    [BindProperty(SupportsGet = true)] public string? AfterFirstName { get; set; }
    [BindProperty(SupportsGet = true)] public int? AfterId { get; set; }
    public ContactPage Result { get; private set; } = new([], null, null, null);
    public bool CanEdit => user.HasPermission(CorePermissions.EditClients);

    public async Task OnGetAsync(CancellationToken ct) =>
        Result = await service.ListAsync(new ContactFilter(Q, null, AfterLastName, AfterFirstName, AfterId), ct);
}
