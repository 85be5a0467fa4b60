using Crm.Host.Data;
using Crm.Host.Data.Entities;
using Crm.Sdk.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Crm.Host.Security;

/// <summary>Creates the built-in roles and grants a module's default permissions to them.</summary>
public sealed class RoleSeeder(CoreDbContext db)
{
    public const string PermissionClaim = "permission";

    public async Task EnsureBuiltInRolesAsync(CancellationToken cancellationToken)
    {
        var existing = await db.Roles.Select(r => r.NormalizedName).ToListAsync(cancellationToken);
        foreach (var (name, scope) in CrmRoles.BuiltIn)
            if (!existing.Contains(name.ToUpperInvariant()))
                db.Roles.Add(new CrmRole(name, scope)
                {
                    Id = Guid.NewGuid().ToString("N"),
                    NormalizedName = name.ToUpperInvariant(),
                    ConcurrencyStamp = Guid.NewGuid().ToString(),
                });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Grants each permission to its default roles once: all of a module's on its first enable, those a new version
    /// adds on an upgrade, the host's on its first start. What an administrator changed afterwards stays changed.
    /// </summary>
    public async Task<int> GrantDefaultsAsync(IEnumerable<PermissionDefinition> permissions, CancellationToken cancellationToken)
    {
        var roles = await db.Roles.ToDictionaryAsync(r => r.Name!, cancellationToken);
        var done = (await db.GrantedDefaults.Select(g => g.Permission).ToListAsync(cancellationToken)).ToHashSet();
        foreach (var permission in permissions.Where(p => !done.Contains(p.Name)))
        {
            db.GrantedDefaults.Add(new GrantedDefault { Permission = permission.Name });
            foreach (var roleName in permission.DefaultRoles)
                if (roles.TryGetValue(roleName, out var role))
                    db.RoleClaims.Add(new IdentityRoleClaim<string> { RoleId = role.Id, ClaimType = PermissionClaim, ClaimValue = permission.Name });
        }
        return await db.SaveChangesAsync(cancellationToken);
    }
}
