using System.Globalization;
using Crm.Host.Clients;
using Crm.Host.Pages.Shared;
using Crm.Host.Security;
using Crm.Sdk.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crm.Host.Pages.Contacts;

/// <summary>Merges two duplicate contacts, the user choosing field by field which value stays.</summary>
[RequirePermission(CorePermissions.EditClients)]
public sealed class MergeModel(ContactService contacts, ContactDuplicates duplicates) : PageModel
{
    public MergeView View { get; private set; } = new("Contact.", 0, 0, []);

    public async Task<IActionResult> OnGetAsync(int keep, int merge, CancellationToken ct)
    {
        if (await contacts.FindAsync(keep, ct) is not { Contact: var kept } || await contacts.FindAsync(merge, ct) is not { Contact: var other } || keep == merge)
            return NotFound();
        View = new("Contact.", keep, merge,
        [
            ("firstName", kept.FirstName, other.FirstName), ("lastName", kept.LastName, other.LastName), ("position", kept.Position, other.Position),
            ("phone", kept.Phone, other.Phone), ("email", kept.Email, other.Email), ("messenger", kept.Messenger, other.Messenger),
            ("birthday", kept.Birthday?.ToString("d", CultureInfo.CurrentCulture), other.Birthday?.ToString("d", CultureInfo.CurrentCulture)),
            ("notes", kept.Notes, other.Notes),
        ]);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int keep, int merge, Dictionary<string, string> choice, CancellationToken ct)
    {
        return await duplicates.MergeAsync(keep, merge, MergeView.TakenFromDuplicate(choice), ct) is { } report
            ? Redirect($"/Contacts/{report.KeptId}") : NotFound();
    }
}
