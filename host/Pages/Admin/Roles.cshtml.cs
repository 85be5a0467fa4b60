using Crm.Host.Data;
using Crm.Host.Security;
using Crm.Sdk.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Crm.Host.Pages.Admin;

public sealed record RoleRow(string Id, string Name, RecordScope Scope, HashSet<string> Permissions);
public sealed record PermissionRow(string Name, string Text);

/// <summary>Which permissions each role grants, and the record scope of its holders. Administrators hold everything.</summary>
[RequirePermission(CorePermissions.ManageUsers)]
public sealed class RolesModel(CoreDbContext db, PermissionCatalog catalog, UserAccessCache access, CurrentUser user, Hosting.ModuleText text)
    : PageModel
{
    public List<RoleRow> Roles { get; private set; } = [];
    public List<PermissionRow> Permissions { get; private set; } = [];
    [BindProperty(SupportsGet = true)] public bool Saved { get; set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(string roleId, RecordScope scope, string[] permissions, CancellationToken ct)
    {
        var role = await db.Roles.FirstOrDefaultAsync(r => r.Id == roleId && r.Name != CrmRoles.Administrator, ct);
        if (role == null) return NotFound();
        // The form shows enabled modules' permissions; grants of disabled modules stay as they are. Only what the editor
        // holds can be granted or taken, so managing users never becomes a way to more rights.
        var editable = catalog.All.Where(p => p.Module == null || p.Module.IsEnabled).Select(p => p.Permission.Name)
            .Where(user.HasPermission).ToHashSet();
        role.Scope = Enum.IsDefined(scope) ? scope : RecordScope.Own;
        var existing = await db.RoleClaims.Where(c => c.RoleId == roleId && c.ClaimType == RoleSeeder.PermissionClaim).ToListAsync(ct);
        db.RoleClaims.RemoveRange(existing.Where(c => editable.Contains(c.ClaimValue!) && !permissions.Contains(c.ClaimValue)));
        foreach (var name in permissions.Where(editable.Contains).Except(existing.Select(c => c.ClaimValue!)))
            db.RoleClaims.Add(new IdentityRoleClaim<string> { RoleId = roleId, ClaimType = RoleSeeder.PermissionClaim, ClaimValue = name });
        await db.SaveChangesAsync(ct);
        access.Invalidate();
        return RedirectToPage(new { Saved = true });
    }

    async Task LoadAsync(CancellationToken ct)
    {
        Permissions = catalog.All
            .Where(p => p.Module == null || p.Module.IsEnabled)
            .Select(p => new PermissionRow(p.Permission.Name, text[p.Module, p.Permission.TextKey]))
            .ToList();
        var claims = await db.RoleClaims.AsNoTracking().Where(c => c.ClaimType == RoleSeeder.PermissionClaim)
            .Select(c => new { c.RoleId, c.ClaimValue }).ToListAsync(ct);
        Roles = (await db.Roles.AsNoTracking().Where(r => r.Name != CrmRoles.Administrator).OrderBy(r => r.Name).ToListAsync(ct))
            .Select(r => new RoleRow(r.Id, r.Name!, r.Scope, claims.Where(c => c.RoleId == r.Id).Select(c => c.ClaimValue!).ToHashSet()))
            .ToList();
    }
}
