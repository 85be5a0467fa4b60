using Crm.Host.Data;
using Crm.Host.Data.Entities;
using Crm.Sdk.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Crm.Host.Security;

/// <summary>Creates user accounts with roles: the first administrator (setup page, command line) and staff (admin pages).</summary>
public sealed class AdminAccounts(UserManager<CrmUser> users, CoreDbContext db, UserAccessCache access)
{
    /// <summary>The employees who can sign in, by name, for the pickers of owners and successors.</summary>
    public async Task<List<(string Id, string Name)>> ActiveUsersAsync(CancellationToken cancellationToken) =>
        (await db.Users.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName })
            .ToListAsync(cancellationToken)).Select(u => (u.Id, u.DisplayName)).ToList();

    public Task<bool> AnyUserAsync(CancellationToken cancellationToken) => db.Users.AnyAsync(cancellationToken);

    public async Task<IdentityResult> CreateAsync(string email, string password, string displayName, string role, int? teamId = null)
    {
        var user = new CrmUser
        {
            Id = Guid.NewGuid().ToString("N"),
            UserName = email,
            Email = email,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? email : displayName.Trim(),
            TeamId = teamId,
            CreatedAtUtc = DateTime.UtcNow,
        };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded) return result;
        result = await users.AddToRoleAsync(user, role);
        access.Invalidate();
        return result;
    }

    public Task<IdentityResult> CreateAdministratorAsync(string email, string password, string displayName) =>
        CreateAsync(email, password, displayName, CrmRoles.Administrator);
}
