using Crm.Host.Clients;
using Crm.Host.Data;
using Crm.Host.Localization;
using Crm.Host.Security;
using Crm.Sdk.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Crm.Host.Pages.Admin;

/// <summary>An employee leaves: choose the successors, hand everything over in one step, read the report.</summary>
[RequirePermission(CorePermissions.ManageUsers)]
public sealed class HandoverModel(Handover handover, AdminAccounts accounts, CoreDbContext db, IStringLocalizer<HostText> text) : PageModel
{
    public List<(string Id, string Name)> Users { get; private set; } = [];
    public HandoverReport? Report { get; private set; }
    Dictionary<string, string> _names = new();

    public string NameOf(string userId) => _names.GetValueOrDefault(userId, userId);

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(string fromUserId, string[] successorIds, CancellationToken ct)
    {
        var report = await handover.RunAsync(fromUserId, successorIds, ct);
        if (report.Succeeded) Report = report;
        else foreach (var (field, key) in report.Errors) ModelState.AddModelError(field, text[key]);
        await LoadAsync(ct);
        return Page();
    }

    async Task LoadAsync(CancellationToken ct)
    {
        _names = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        Users = await accounts.ActiveUsersAsync(ct);
    }
}
