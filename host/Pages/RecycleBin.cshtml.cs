using Crm.Host.Clients;
using Crm.Host.Security;
using Crm.Sdk.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crm.Host.Pages;

/// <summary>
/// Deleted clients and activities the user may edit, and bringing them back; deleting them for good is asked for first on
/// <see cref="RecycleBin.PurgeModel"/>.
/// </summary>
[RequirePermission(CorePermissions.EditClients)]
public sealed class RecycleBinModel(CompanyService service, ContactService contacts, ActivityService activities, CurrentUser user) : PageModel
{
    public List<CompanyRow> Companies { get; private set; } = [];
    public List<ContactRow> Contacts { get; private set; } = [];
    public List<DeletedActivityRow> Activities { get; private set; } = [];
    public bool IsEmpty => Companies.Count == 0 && Contacts.Count == 0 && Activities.Count == 0;
    public bool CanPurgeClients => user.HasPermission(CorePermissions.PurgeClients);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Companies = await service.DeletedAsync(ct);
        Contacts = await contacts.DeletedAsync(ct);
        Activities = await activities.DeletedAsync(ct);
    }

    public async Task<IActionResult> OnPostContactAsync(int id, CancellationToken ct) =>
        await contacts.RestoreAsync(id, ct) ? Redirect($"/Contacts/{id}") : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct) =>
        await service.RestoreAsync(id, ct) ? Redirect($"/Companies/{id}") : NotFound();

    public async Task<IActionResult> OnPostActivityAsync(int id, CancellationToken ct) =>
        await activities.RestoreAsync(id, ct) ? Redirect("/RecycleBin") : NotFound();
}
