using System.ComponentModel.DataAnnotations;
using Crm.Host.Data;
using Crm.Host.Localization;
using Crm.Host.Security;
using Crm.Sdk.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Crm.Host.Pages.Admin;

public sealed record UserRow(string Id, string Name, string? Email, bool IsActive, List<string> Roles);

[RequirePermission(CorePermissions.ManageUsers)]
public sealed class UsersModel(CoreDbContext db, AdminAccounts accounts, CurrentUser user, IStringLocalizer<HostText> text) : PageModel
{
    [BindProperty] public NewUserInput Input { get; set; } = new();
    public List<UserRow> Users { get; private set; } = [];
    public List<string> RoleNames { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await db.Roles.AnyAsync(r => r.Name == Input.Role, ct)) ModelState.AddModelError("Input.Role", text["Users.UnknownRole"]);
        else if (Input.Role == CrmRoles.Administrator && !user.IsAdministrator) ModelState.AddModelError("Input.Role", text["Users.OnlyAdminsMakeAdmins"]);
        if (ModelState.IsValid)
        {
            var result = await accounts.CreateAsync(Input.Email, Input.Password, Input.Name, Input.Role);
            if (result.Succeeded) return RedirectToPage();
            foreach (var error in result.Errors) ModelState.AddModelError("Input.Email", IdentityText.Describe(error, text));
        }
        await LoadAsync(ct);
        return Page();
    }

    async Task LoadAsync(CancellationToken ct)
    {
        RoleNames = await db.Roles.AsNoTracking().OrderBy(r => r.Name).Select(r => r.Name!).ToListAsync(ct);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
            .AsNoTracking().ToListAsync(ct);
        Users = (await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).ToListAsync(ct))
            .Select(u => new UserRow(u.Id, u.DisplayName, u.Email, u.IsActive, roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).ToList()))
            .ToList();
    }
}

public sealed class NewUserInput
{
    [Required(ErrorMessage = "Validation.Required"), StringLength(200)] public string Name { get; set; } = "";
    [Required(ErrorMessage = "Validation.Required"), EmailAddress(ErrorMessage = "Validation.Email"), StringLength(256)] public string Email { get; set; } = "";
    [Required(ErrorMessage = "Validation.Required"), StringLength(200)] public string Password { get; set; } = "";
    [Required(ErrorMessage = "Validation.Required")] public string Role { get; set; } = CrmRoles.SalesManager;
}
