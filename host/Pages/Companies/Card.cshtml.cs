using Crm.Host.Clients;
using Crm.Host.Data;
using Crm.Host.Hosting;
using Crm.Host.Localization;
using Crm.Sdk.Clients;
using Microsoft.Extensions.Localization;
using Crm.Host.Security;
using Crm.Sdk.Auditing;
using Crm.Sdk.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Crm.Host.Pages.Companies;

/// <summary>The company card with its holding and change history; a company outside the user's scope does not exist for them (404).</summary>
[RequirePermission(CorePermissions.ViewClients)]
public sealed class CardModel(CompanyService service, ContactService contacts, ActivityService activities, TaskService tasks,
    ClientTimeline timeline, ClientHistory history, CompanyClock clock, CoreDbContext db, CurrentUser user, CustomFieldValues customValues,
    TagService tags, IStringLocalizer<HostText> text) : PageModel
{
    public Company Company { get; private set; } = new();
    public Company? Parent { get; private set; }
    public List<CompanyRow> Subsidiaries { get; private set; } = [];
    public List<ContactAtCompany> Contacts { get; private set; } = [];
    public IReadOnlyList<TimelineEntry> Timeline { get; private set; } = [];
    public IReadOnlyList<HistoryRow> History { get; private set; } = [];
    public string OwnerName { get; private set; } = "";
    public List<(CustomField Field, string Value)> CustomFields { get; private set; } = [];
    public IReadOnlyList<string> Tags { get; private set; } = [];
    public bool CanEdit => user.CanReach(CorePermissions.EditClients, Company.OwnerId);
    /// <summary>Whether the timeline shows the subsidiaries' activity together with the company's.</summary>
    public bool Holding { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, bool holding, CancellationToken ct)
    {
        if (await service.FindAsync(id, ct) is not { } company) return NotFound();
        Company = company;
        OwnerName = await db.Users.Where(u => u.Id == company.OwnerId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "";
        if (company.ParentId is { } parent) Parent = await service.FindAsync(parent, ct);
        Subsidiaries = await service.SubsidiariesAsync(id, ct);
        Contacts = await contacts.AtCompanyAsync(id, ct);
        Holding = holding && Subsidiaries.Count > 0;
        Timeline = await timeline.ForCompanyAsync(id, Holding, ct);
        CustomFields = await customValues.ShownAsync(ClientKind.Company, id, ct);
        Tags = await tags.ForRecordAsync(ClientKind.Company, id, ct);
        History = CustomFieldValues.Labelled(await history.ForRecordAsync(ClientHistory.CompanyTable, id, ct), CustomFields);
        return Page();
    }

    /// <summary>Logs a call, meeting, email or note that just happened.</summary>
    public async Task<IActionResult> OnPostLogAsync(int id, ActivityKind kind, string? subject, string? outcome, List<IFormFile> files,
        CancellationToken ct)
    {
        var result = await activities.LogAsync(new ActivityInput(kind, subject, Outcome: outcome, CompanyId: id), files, ct);
        return await AfterAsync(id, result, ct);
    }

    /// <summary>Sets a task about this company for oneself; the deadline is typed in the company's local time.</summary>
    public async Task<IActionResult> OnPostTaskAsync(int id, string? title, DateTime? due, CancellationToken ct)
    {
        var result = await tasks.CreateAsync(new TaskInput(title, due is { } local ? clock.ToUtc(local) : null, CompanyId: id), ct);
        return await AfterAsync(id, result, ct);
    }

    async Task<IActionResult> AfterAsync(int id, ClientSaveResult result, CancellationToken ct)
    {
        if (result.Succeeded) return Redirect($"/Companies/{id}");
        result.AddTo(ModelState, text, prefix: "");
        return await OnGetAsync(id, false, ct);
    }

    /// <summary>Moves a call, meeting, email or note (with its files) to the recycle bin.</summary>
    public async Task<IActionResult> OnPostDeleteActivityAsync(int id, int activity, CancellationToken ct) =>
        await activities.DeleteAsync(activity, ct) ? Redirect($"/Companies/{id}") : NotFound();

    public async Task<IActionResult> OnPostRemoveAttachmentAsync(int id, int attachment, CancellationToken ct) =>
        await activities.RemoveAttachmentAsync(attachment, ct) ? Redirect($"/Companies/{id}") : NotFound();

    /// <summary>Sets a field back to its value before the change, as a new, audited edit.</summary>
    public async Task<IActionResult> OnPostRevertAsync(int id, long change, int? version, CancellationToken ct)
    {
        var result = await history.RevertAsync(ClientHistory.CompanyTable, id, change, version, ct);
        if (result.NotFound) return NotFound();
        if (result.Succeeded) return Redirect($"/Companies/{id}");
        result.AddTo(ModelState, text);
        return await OnGetAsync(id, false, ct);
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct) =>
        await service.DeleteAsync(id, ct) ? Redirect("/RecycleBin") : NotFound();
}
