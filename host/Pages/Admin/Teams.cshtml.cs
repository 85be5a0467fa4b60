using Crm.Host.Localization;
using Crm.Host.People;
using Crm.Host.Security;
using Crm.Sdk.Security;
using Crm.Sdk.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Crm.Host.Pages.Admin;

/// <summary>The teams with their heads and member counts, and a form for a new team (heads and members are set on its page).</summary>
[RequirePermission(CorePermissions.ManageUsers)]
public sealed class TeamsModel(TeamService teams, IStringLocalizer<HostText> text) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    public List<TeamRow> Teams { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Teams = await teams.ListAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var saved = await teams.CreateAsync(new TeamInput(Name), ct);
        if (saved.Succeeded) return RedirectToPage("/Admin/Team", new { id = saved.Id });
        saved.Errors.AddTo(ModelState, text, prefix: "");
        Teams = await teams.ListAsync(ct);
        return Page();
    }
}
