using Crm.Host.Clients;
using Crm.Host.Security;
using Crm.Sdk.Clients;
using Crm.Sdk.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crm.Host.Pages.RecycleBin;

/// <summary>
/// Asks before deleting something in the recycle bin for good: the GET names it and what goes with it, only the POST
/// deletes. Companies and contacts need <see cref="CorePermissions.PurgeClients"/>; activities, like their restore, the
/// right to edit their client.
/// </summary>
[RequirePermission(CorePermissions.EditClients)]
public sealed class PurgeModel(ClientPurge clients, ActivityService activities, CurrentUser user) : PageModel
{
    public const string Activity = "activity";
    public const string Company = "company";
    public const string Contact = "contact";

    [BindProperty(SupportsGet = true)] public string Kind { get; set; } = "";
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public string Name { get; private set; } = "";
    /// <summary>The client's preview; null for an activity.</summary>
    public PurgePreview? Client { get; private set; }
    /// <summary>The activity's row; null for a client.</summary>
    public DeletedActivityRow? DeletedActivity { get; private set; }
    public IReadOnlyList<string> Refusals { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Kind == Activity) return await activities.PurgeAsync(Id, ct) ? Redirect("/RecycleBin") : NotFound();
        if (AsClient() is not { } client) return NotFound();
        if (!user.HasPermission(CorePermissions.PurgeClients)) return Forbid();
        var result = await clients.PurgeAsync(client, ct);
        if (result.Outcome == PurgeOutcome.Purged) return Redirect("/RecycleBin");
        if (result.Outcome != PurgeOutcome.Refused) return NotFound();
        return await LoadAsync(ct) ?? Page(); // shows the modules' refusals instead of the button
    }

    async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (Kind == Activity)
        {
            DeletedActivity = await activities.FindDeletedAsync(Id, ct);
            if (DeletedActivity == null) return NotFound();
            Name = DeletedActivity.Subject;
            return null;
        }
        if (AsClient() is not { } client) return NotFound();
        if (!user.HasPermission(CorePermissions.PurgeClients)) return Forbid();
        Client = await clients.PreviewAsync(client, ct);
        if (Client == null) return NotFound();
        Name = Client.Name;
        Refusals = Client.Refusals;
        return null;
    }

    ClientRef? AsClient() => Kind switch
    {
        Company => new ClientRef(ClientKind.Company, Id),
        Contact => new ClientRef(ClientKind.Contact, Id),
        _ => null,
    };
}
