using Crm.Host.Clients;
using Crm.Host.Security;
using Crm.Sdk.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crm.Host.Pages;

/// <summary>Deleted clients and activities the user may edit, bringing them back, and deleting activities for good with their files.</summary>
[RequirePermission(CorePermissions.EditClients)]
public sealed class RecycleBinModel(CompanyService service, ContactService contacts, ActivityService activities) : PageModel
{
    public List<CompanyRow> Companies { get; private set; } = [];
    public List<ContactRow> Contacts { get; private set; } = [];
    public List<DeletedActivityRow> Activities { get; private set; } = [];
    public bool IsEmpty => Companies.Count == 0 && Contacts.Count == 0 && Activities.Count == 0;

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

    public async Task<IActionResult> OnPostPurgeActivityAsync(int id, CancellationToken ct) =>
        await activities.PurgeAsync(id, ct) ? Redirect("/RecycleBin") : NotFound();
}
