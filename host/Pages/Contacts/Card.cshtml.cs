using Crm.Host.Clients;
using Crm.Host.Security;
using Crm.Sdk.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crm.Host.Pages.Contacts;

[RequirePermission(CorePermissions.ViewClients)]
public sealed class CardModel(ContactService service, CurrentUser user) : PageModel
{
    public ContactDetails Details { get; private set; } = new(new Contact(), []);
    public bool CanEdit => user.CanReach(CorePermissions.EditClients, Details.Contact.OwnerId);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await service.FindAsync(id, ct) is not { } details) return NotFound();
        Details = details;
        return Page();
    }
}
