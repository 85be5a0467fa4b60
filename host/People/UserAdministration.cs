using Crm.Host.Data;
using Crm.Host.Data.Entities;
using Crm.Host.Security;
using Crm.Sdk.Security;
using Crm.Sdk.Validation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Crm.Host.People;

/// <summary>Which users a list shows: a part of the name or email, a role, a team, and "active" or "deactivated".</summary>
public sealed record UserFilter(string? Search = null, string? Role = null, int? TeamId = null, string? State = null)
{
    public const string Active = "active";
    public const string Deactivated = "deactivated";
}

/// <summary>A user as the administration list shows them.</summary>
public sealed record UserRow(string Id, string Name, string? Email, bool IsActive, IReadOnlyList<string> Roles, int? TeamId, string? TeamName);

/// <summary>A user's changeable details: one role replaces the roles they hold; a null team takes them out of their team.</summary>
public sealed record UserEdit(string? Name, string? Email, string? Role, int? TeamId);

/// <summary>A new password set by whoever manages users.</summary>
public sealed record NewPassword(string? Password);

/// <summary>
/// Edits, deactivates and reactivates users and sets their passwords. Nobody raises their own rights: only an
/// administrator makes administrators or touches an administrator's account, a non-administrator cannot change their own
/// role, and the last active administrator can be neither demoted nor deactivated. A deactivated user keeps the records
/// they own until a handover; they cannot sign in, and their cookie and API tokens stop working on the next request.
/// </summary>
public sealed class UserAdministration(CoreDbContext db, UserManager<CrmUser> users, CurrentUser actor, UserAccessCache access)
{
    public async Task<SaveResult?> CheckFilterAsync(UserFilter filter, CancellationToken ct)
    {
        var errors = new FieldErrors()
            .If(filter.State is not (null or "" or UserFilter.Active or UserFilter.Deactivated), "state", "Users.UnknownState")
            .If(filter.Search?.Length > 256, "search", "Client.TooLong");
        if (filter.TeamId is { } team && !await db.Teams.AnyAsync(t => t.Id == team, ct)) errors.Add("teamId", "Users.UnknownTeam");
        return errors.Count > 0 ? SaveResult.Invalid(errors) : null;
    }

    /// <summary>
    /// The users matching the filter, by name. Filtered in memory: a company's staff is hundreds of rows, and SQLite folds
    /// the case of ASCII letters only, so a search for a Cyrillic name would otherwise depend on the database.
    /// </summary>
    public async Task<List<UserRow>> ListAsync(UserFilter filter, CancellationToken ct)
    {
        var rows = await AllAsync(null, ct);
        var search = FieldErrors.Clean(filter.Search);
        return rows.Where(u => search == null || u.Name.Contains(search, StringComparison.CurrentCultureIgnoreCase)
                               || (u.Email?.Contains(search, StringComparison.OrdinalIgnoreCase) ?? false))
            .Where(u => string.IsNullOrEmpty(filter.Role) || u.Roles.Contains(filter.Role))
            .Where(u => filter.TeamId == null || u.TeamId == filter.TeamId)
            .Where(u => filter.State switch { UserFilter.Active => u.IsActive, UserFilter.Deactivated => !u.IsActive, _ => true })
            .ToList();
    }

    public async Task<UserRow?> FindAsync(string id, CancellationToken ct) => (await AllAsync(id, ct)).FirstOrDefault();

    public async Task<SaveResult> UpdateAsync(string id, UserEdit input, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user == null) return SaveResult.Missing();
        var current = await RolesOfAsync(id, ct);
        var errors = new FieldErrors();
        var name = FieldErrors.Clean(input.Name);
        var email = FieldErrors.Clean(input.Email);
        var role = FieldErrors.Clean(input.Role);
        errors.If(!actor.IsAdministrator && current.Contains(CrmRoles.Administrator), "id", "Users.OnlyAdminsEditAdmins")
            .If(name == null, "name", "Client.Required").If(name?.Length > 200, "name", "Client.TooLong")
            .If(email == null, "email", "Client.Required")
            .If(email != null && (email.Length > 256 || !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email)), "email", "Client.EmailInvalid")
            .If(role == null, "role", "Client.Required");
        var roleId = role == null ? null : await db.Roles.Where(r => r.Name == role).Select(r => r.Id).FirstOrDefaultAsync(ct);
        errors.If(role != null && roleId == null, "role", "Users.UnknownRole")
            .If(role == CrmRoles.Administrator && !actor.IsAdministrator, "role", "Users.OnlyAdminsMakeAdmins")
            .If(!actor.IsAdministrator && id == actor.Id && role != null && !(current.Count == 1 && current[0] == role), "role", "Users.OwnRole");
        if (role != null && role != CrmRoles.Administrator && current.Contains(CrmRoles.Administrator) && user.IsActive
            && await ActiveAdministratorsAsync(ct) <= 1)
            errors.Add("role", "Users.LastAdministrator");
        if (input.TeamId is { } teamId && !await db.Teams.AnyAsync(t => t.Id == teamId, ct)) errors.Add("teamId", "Users.UnknownTeam");
        if (email != null && errors.Count == 0)
        {
            var normalized = users.NormalizeEmail(email);
            errors.If(await db.Users.AnyAsync(u => u.Id != id && (u.NormalizedEmail == normalized || u.NormalizedUserName == normalized), ct),
                "email", "Users.EmailTaken");
        }
        if (errors.Count > 0) return SaveResult.Invalid(errors);

        user.DisplayName = name!;
        if (!string.Equals(user.Email, email, StringComparison.Ordinal))
        {
            // The email is also the sign-in name (as on creation).
            user.Email = user.UserName = email;
            user.NormalizedEmail = users.NormalizeEmail(email);
            user.NormalizedUserName = users.NormalizeName(email);
        }
        user.TeamId = input.TeamId;
        if (!(current.Count == 1 && current[0] == role))
        {
            db.UserRoles.RemoveRange(await db.UserRoles.Where(r => r.UserId == id).ToListAsync(ct));
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = id, RoleId = roleId! });
        }
        await db.SaveChangesAsync(ct);
        access.Invalidate();
        return Saved;
    }

    /// <summary>Closes the account without handing anything over: no sign-in, the cookie and API tokens refused from the next request.</summary>
    public async Task<SaveResult> DeactivateAsync(string id, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user == null) return SaveResult.Missing();
        var roles = await RolesOfAsync(id, ct);
        var errors = new FieldErrors()
            .If(!actor.IsAdministrator && roles.Contains(CrmRoles.Administrator), "id", "Users.OnlyAdminsEditAdmins")
            .If(id == actor.Id, "id", "Users.CannotDeactivateSelf");
        if (user.IsActive && roles.Contains(CrmRoles.Administrator) && await ActiveAdministratorsAsync(ct) <= 1)
            errors.Add("id", "Users.LastAdministrator");
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        // As a handover closes an account: the lockout and a new stamp stop a sign-in in progress; the API token handler
        // and the access cache refuse an inactive user, so cookies and tokens already out stop working at once. Tokens are
        // kept, not revoked, so that a reactivated employee's integrations work again.
        user.IsActive = false;
        user.LockoutEnd = DateTimeOffset.MaxValue;
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        await db.SaveChangesAsync(ct);
        access.Invalidate();
        return Saved;
    }

    public async Task<SaveResult> ReactivateAsync(string id, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user == null) return SaveResult.Missing();
        if (!actor.IsAdministrator && (await RolesOfAsync(id, ct)).Contains(CrmRoles.Administrator))
            return SaveResult.Invalid(new FieldErrors().Add("id", "Users.OnlyAdminsEditAdmins"));
        user.IsActive = true;
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        await db.SaveChangesAsync(ct);
        access.Invalidate();
        return Saved;
    }

    /// <summary>Sets a new password (checked by the same rules as on creation); sessions signed in with the old one end at the next stamp check.</summary>
    public async Task<SaveResult> SetPasswordAsync(string id, NewPassword input, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user == null) return SaveResult.Missing();
        var errors = new FieldErrors()
            .If(!actor.IsAdministrator && (await RolesOfAsync(id, ct)).Contains(CrmRoles.Administrator), "id", "Users.OnlyAdminsEditAdmins")
            .If(string.IsNullOrEmpty(input.Password), "password", "Client.Required")
            .If(input.Password?.Length > 200, "password", "Client.TooLong");
        if (errors.Count == 0)
            foreach (var validator in users.PasswordValidators)
                if (await validator.ValidateAsync(users, user, input.Password) is { Succeeded: false } failed)
                {
                    errors.Add("password", "Identity." + failed.Errors.First().Code);
                    break;
                }
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        user.PasswordHash = users.PasswordHasher.HashPassword(user, input.Password!);
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        await db.SaveChangesAsync(ct);
        return Saved;
    }

    /// <summary>Users have string ids; a save reports success with a placeholder id.</summary>
    static SaveResult Saved => SaveResult.Saved(0);

    Task<int> ActiveAdministratorsAsync(CancellationToken ct) =>
        (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id join u in db.Users on ur.UserId equals u.Id
         where r.Name == CrmRoles.Administrator && u.IsActive select u.Id).Distinct().CountAsync(ct);

    Task<List<string>> RolesOfAsync(string id, CancellationToken ct) =>
        (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == id select r.Name!).ToListAsync(ct);

    async Task<List<UserRow>> AllAsync(string? id, CancellationToken ct)
    {
        var people = await db.Users.AsNoTracking().Where(u => id == null || u.Id == id).OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.IsActive, u.TeamId }).ToListAsync(ct);
        var ids = people.Select(p => p.Id).ToList();
        var roles = (await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ids.Contains(ur.UserId) select new { ur.UserId, r.Name })
            .AsNoTracking().ToListAsync(ct)).ToLookup(r => r.UserId, r => r.Name!);
        var teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        return people.Select(p => new UserRow(p.Id, p.DisplayName, p.Email, p.IsActive, roles[p.Id].Order().ToList(), p.TeamId,
            p.TeamId is { } t ? teams.GetValueOrDefault(t) : null)).ToList();
    }
}
