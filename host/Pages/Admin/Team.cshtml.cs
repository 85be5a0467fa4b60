using Crm.Host.Localization;
using Crm.Host.People;
using Crm.Host.Security;
using Crm.Sdk.Security;
using Crm.Sdk.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Crm.Host.Pages.Admin;

/// <summary>One team: its name, heads and members in one form, and deleting it after a confirmation.</summary>
[RequirePermission(CorePermissions.ManageUsers)]
public sealed class TeamModel(TeamService teams, UserAdministration people, IStringLocalizer<HostText> text) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public List<string> HeadIds { get; set; } = [];
    [BindProperty] public List<string> MemberIds { get; set; } = [];
    [BindProperty(SupportsGet = true)] public bool ConfirmDelete { get; set; }
    public TeamDetails? Team { get; private set; }
    public List<UserRow> Staff { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Name = Team!.Name;
        HeadIds = Team.Heads.Select(h => h.Id).ToList();
        MemberIds = Team.Members.Select(m => m.Id).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var saved = await teams.UpdateAsync(id, new TeamInput(Name, HeadIds.Cast<string?>().ToList(), MemberIds.Cast<string?>().ToList()), ct);
        if (saved.NotFound) return NotFound();
        if (saved.Succeeded) return RedirectToPage("/Admin/Team", new { id });
        saved.Errors.AddTo(ModelState, text, prefix: "");
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        var deleted = await teams.DeleteAsync(id, ct);
        if (deleted.NotFound) return NotFound();
        if (deleted.Succeeded) return RedirectToPage("/Admin/Teams");
        deleted.Errors.AddTo(ModelState, text, prefix: "");
        await OnGetAsync(id, ct);
        return Page();
    }

    async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Team = await teams.FindAsync(id, ct);
        Staff = await people.ListAsync(new UserFilter(), ct);
        return Team != null;
    }
}
