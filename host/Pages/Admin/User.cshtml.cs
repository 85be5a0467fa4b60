using Crm.Host.Data;
using Crm.Host.Localization;
using Crm.Host.People;
using Crm.Host.Security;
using Crm.Sdk.Security;
using Crm.Sdk.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Crm.Host.Pages.Admin;

/// <summary>One user: name, email, role and team; deactivate or reactivate; a new password. The rules are the service's.</summary>
[RequirePermission(CorePermissions.ManageUsers)]
public sealed class UserModel(UserAdministration people, CoreDbContext db, IStringLocalizer<HostText> text) : PageModel
{
    [BindProperty] public UserEditForm Input { get; set; } = new();
    [BindProperty] public string? Password { get; set; }
    public UserRow? Person { get; private set; }
    public List<string> RoleNames { get; private set; } = [];
    public List<(int Id, string Name)> Teams { get; private set; } = [];
    [TempData] public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = new UserEditForm { Name = Person!.Name, Email = Person.Email, Role = Person.Roles.FirstOrDefault(), TeamId = Person.TeamId };
        return Page();
    }

    public Task<IActionResult> OnPostAsync(string id, CancellationToken ct) =>
        AnswerAsync(id, people.UpdateAsync(id, new UserEdit(Input.Name, Input.Email, Input.Role, Input.TeamId), ct), "Users.Saved", "Input.", ct);

    public Task<IActionResult> OnPostDeactivateAsync(string id, CancellationToken ct) =>
        AnswerAsync(id, people.DeactivateAsync(id, ct), "Users.DeactivatedDone", "", ct);

    public Task<IActionResult> OnPostReactivateAsync(string id, CancellationToken ct) =>
        AnswerAsync(id, people.ReactivateAsync(id, ct), "Users.ReactivatedDone", "", ct);

    public Task<IActionResult> OnPostPasswordAsync(string id, CancellationToken ct) =>
        AnswerAsync(id, people.SetPasswordAsync(id, new NewPassword(Password), ct), "Users.PasswordSet", "", ct);

    async Task<IActionResult> AnswerAsync(string id, Task<SaveResult> action, string done, string prefix, CancellationToken ct)
    {
        var saved = await action;
        if (saved.NotFound) return NotFound();
        if (saved.Succeeded)
        {
            Done = text[done];
            return RedirectToPage("/Admin/User", new { id });
        }
        saved.Errors.AddTo(ModelState, text, prefix);
        await LoadAsync(id, ct);
        return Page();
    }

    async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        Person = await people.FindAsync(id, ct);
        RoleNames = await db.Roles.AsNoTracking().OrderBy(r => r.Name).Select(r => r.Name!).ToListAsync(ct);
        Teams = (await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(ct)).Select(t => (t.Id, t.Name)).ToList();
        return Person != null;
    }
}

public sealed class UserEditForm
{
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Role { get; set; }
    public int? TeamId { get; set; }
}
