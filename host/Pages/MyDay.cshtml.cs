using Crm.Host.Clients;
using Crm.Host.Hosting;
using Crm.Host.Localization;
using Crm.Host.Security;
using Crm.Sdk.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Crm.Host.Pages;

/// <summary>A manager's day: overdue tasks, tasks due today, meetings coming up, and a quick task.</summary>
[RequirePermission(CorePermissions.ViewClients)]
public sealed class MyDayModel(TaskService tasks, CompanyClock clock, IStringLocalizer<HostText> text) : PageModel
{
    public MyDay Day { get; private set; } = new([], [], []);

    public async Task OnGetAsync(CancellationToken ct) => Day = await tasks.MyDayAsync(ct);

    public async Task<IActionResult> OnPostDoneAsync(int id, CancellationToken ct) =>
        await tasks.CompleteAsync(id, ct) ? RedirectToPage() : NotFound();

    /// <summary>The deadline is typed in the company's local time.</summary>
    public async Task<IActionResult> OnPostTaskAsync(string? title, DateTime? due, CancellationToken ct)
    {
        var result = await tasks.CreateAsync(new TaskInput(title, due is { } local ? clock.ToUtc(local) : null), ct);
        if (result.Succeeded) return RedirectToPage();
        result.AddTo(ModelState, text, prefix: "");
        Day = await tasks.MyDayAsync(ct);
        return Page();
    }
}
