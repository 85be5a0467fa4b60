using Crm.Host.Backups;
using Crm.Host.Localization;
using Crm.Host.Security;
using Crm.Sdk.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Crm.Host.Pages.Admin;

/// <summary>The backups: the archives with size and date, one taken now, a download, and the plan of scheduled ones.</summary>
[RequirePermission(CorePermissions.ManageBackups)]
public sealed class BackupsModel(BackupCatalog catalog, BackupWriter writer, BackupSchedule schedule, IStringLocalizer<HostText> text) : PageModel
{
    public IReadOnlyList<BackupEntry> Backups { get; private set; } = [];
    public string Directory => catalog.Directory;
    [BindProperty] public int EveryHours { get; set; }
    [BindProperty] public int Keep { get; set; }
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        (EveryHours, Keep) = await schedule.GetAsync(ct);
        Backups = catalog.List();
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var path = await writer.CreateAsync(null, ct);
        Message = text["Backups.Created", Path.GetFileName(path)];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostPlanAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var invalid = await schedule.SaveAsync(new BackupPlan(EveryHours, Keep), ct);
            foreach (var field in invalid)
                ModelState.AddModelError(field == "keep" ? nameof(Keep) : nameof(EveryHours),
                    field == "keep" ? text["Backups.KeepInvalid", BackupPlan.MaxKeep] : text["Backups.EveryHoursInvalid", BackupPlan.MaxHours]);
            if (invalid.Count == 0)
            {
                Message = text["Backups.PlanSaved"];
                return RedirectToPage();
            }
        }
        Backups = catalog.List();
        return Page();
    }

    /// <summary>Downloads an archive named in the list; any other name is not found, so no path leaves the backups folder.</summary>
    public IActionResult OnGetDownload(string name) =>
        catalog.Find(name) is { } backup ? PhysicalFile(backup.Path, "application/zip", backup.Name) : NotFound();
}
