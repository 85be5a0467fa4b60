using System.ComponentModel.DataAnnotations;
using Crm.Host.Data;
using Crm.Host.Localization;
using Crm.Host.People;
using Crm.Host.Security;
using Crm.Sdk.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Crm.Host.Pages.Admin;

[RequirePermission(CorePermissions.ManageUsers)]
public sealed class UsersModel(CoreDbContext db, AdminAccounts accounts, UserAdministration people, CurrentUser user, IStringLocalizer<HostText> text)
    : PageModel
{
    [BindProperty] public NewUserInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public string? Role { get; set; }
    [BindProperty(SupportsGet = true)] public int? TeamId { get; set; }
    [BindProperty(SupportsGet = true)] public string? State { get; set; }
    public List<UserRow> Users { get; private set; } = [];
    public List<string> RoleNames { get; private set; } = [];
    public List<(int Id, string Name)> Teams { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await db.Roles.AnyAsync(r => r.Name == Input.Role, ct)) ModelState.AddModelError("Input.Role", text["Users.UnknownRole"]);
        else if (Input.Role == CrmRoles.Administrator && !user.IsAdministrator) ModelState.AddModelError("Input.Role", text["Users.OnlyAdminsMakeAdmins"]);
        if (Input.TeamId is { } teamId && !await db.Teams.AnyAsync(t => t.Id == teamId, ct)) ModelState.AddModelError("Input.TeamId", text["Users.UnknownTeam"]);
        if (ModelState.IsValid)
        {
            var result = await accounts.CreateAsync(Input.Email, Input.Password, Input.Name, Input.Role, Input.TeamId);
            if (result.Succeeded) return RedirectToPage();
            foreach (var error in result.Errors) ModelState.AddModelError("Input.Email", IdentityText.Describe(error, text));
        }
        await LoadAsync(ct);
        return Page();
    }

    async Task LoadAsync(CancellationToken ct)
    {
        RoleNames = await db.Roles.AsNoTracking().OrderBy(r => r.Name).Select(r => r.Name!).ToListAsync(ct);
        Teams = (await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(ct)).Select(t => (t.Id, t.Name)).ToList();
        var filter = new UserFilter(Search, Role, TeamId, State);
        // A filter that names no known state or team shows everybody rather than an error page: the form offers only valid ones.
        if (await people.CheckFilterAsync(filter, ct) != null) filter = new UserFilter(Search);
        Users = await people.ListAsync(filter, ct);
    }
}

public sealed class NewUserInput
{
    [Required(ErrorMessage = "Validation.Required"), StringLength(200)] public string Name { get; set; } = "";
    [Required(ErrorMessage = "Validation.Required"), EmailAddress(ErrorMessage = "Validation.Email"), StringLength(256)] public string Email { get; set; } = "";
    [Required(ErrorMessage = "Validation.Required"), StringLength(200)] public string Password { get; set; } = "";
    [Required(ErrorMessage = "Validation.Required")] public string Role { get; set; } = CrmRoles.SalesManager;
    public int? TeamId { get; set; }
}
