using Crm.Host.Clients;
using Crm.Host.Localization;
using Crm.Host.Security;
using Crm.Sdk.Clients;
using Crm.Sdk.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Crm.Host.Pages.Contacts;

/// <summary>The contact card with the person's own timeline and change history; a contact outside the user's scope is a 404.</summary>
[RequirePermission(CorePermissions.ViewClients)]
public sealed class CardModel(ContactService service, ActivityService activities, ClientTimeline timeline, ClientHistory history,
    CustomFieldValues customValues, TagService tags, CurrentUser user, IStringLocalizer<HostText> text) : PageModel
{
    public ContactDetails Details { get; private set; } = new(new Contact(), []);
    public IReadOnlyList<TimelineEntry> Timeline { get; private set; } = [];
    public IReadOnlyList<HistoryRow> History { get; private set; } = [];
    public List<(CustomField Field, string Value)> CustomFields { get; private set; } = [];
    public IReadOnlyList<string> Tags { get; private set; } = [];
    public bool CanEdit => user.CanReach(CorePermissions.EditClients, Details.Contact.OwnerId);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await service.FindAsync(id, ct) is not { } details) return NotFound();
        Details = details;
        Timeline = await timeline.ForContactAsync(id, ct);
        CustomFields = await customValues.ShownAsync(Crm.Sdk.Clients.ClientKind.Contact, id, ct);
        Tags = await tags.ForRecordAsync(Crm.Sdk.Clients.ClientKind.Contact, id, ct);
        History = CustomFieldValues.Labelled(await history.ForRecordAsync(ClientHistory.ContactTable, id, ct), CustomFields);
        return Page();
    }

    /// <summary>Logs a call, meeting, email or note with this person, with files.</summary>
    public async Task<IActionResult> OnPostLogAsync(int id, ActivityKind kind, string? subject, string? outcome, List<IFormFile> files,
        CancellationToken ct)
    {
        var result = await activities.LogAsync(new ActivityInput(kind, subject, Outcome: outcome, ContactId: id), files, ct);
        if (result.Succeeded) return Redirect($"/Contacts/{id}");
        result.AddTo(ModelState, text, prefix: "");
        return await OnGetAsync(id, ct);
    }

    /// <summary>Moves a call, meeting, email or note (with its files) to the recycle bin.</summary>
    public async Task<IActionResult> OnPostDeleteActivityAsync(int id, int activity, CancellationToken ct) =>
        await activities.DeleteAsync(activity, ct) ? Redirect($"/Contacts/{id}") : NotFound();

    public async Task<IActionResult> OnPostRemoveAttachmentAsync(int id, int attachment, CancellationToken ct) =>
        await activities.RemoveAttachmentAsync(attachment, ct) ? Redirect($"/Contacts/{id}") : NotFound();

    /// <summary>Sets a field back to its value before the change, as a new, audited edit.</summary>
    public async Task<IActionResult> OnPostRevertAsync(int id, long change, int? version, CancellationToken ct)
    {
        var result = await history.RevertAsync(ClientHistory.ContactTable, id, change, version, ct);
        if (result.NotFound) return NotFound();
        if (result.Succeeded) return Redirect($"/Contacts/{id}");
        result.AddTo(ModelState, text);
        return await OnGetAsync(id, ct);
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct) =>
        await service.DeleteAsync(id, ct) ? Redirect("/RecycleBin") : NotFound();
}
