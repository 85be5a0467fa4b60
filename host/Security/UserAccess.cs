using Crm.Host.Data;
using Crm.Sdk.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Crm.Host.Security;

/// <summary>What one user may do: permissions with their widest scope, and the members of her team and of the teams she leads.</summary>
public sealed record UserAccess(
    string Id, string Name, bool IsAdministrator,
    IReadOnlyDictionary<string, RecordScope> Permissions, IReadOnlyCollection<string> TeamMemberIds);

/// <summary>Loads <see cref="UserAccess"/> from the database, cached briefly; role and user edits clear the cache.</summary>
public sealed class UserAccessCache(IMemoryCache cache, IServiceScopeFactory scopes)
{
    static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    int _generation;

    /// <summary>Forgets every user's access, after roles, grants, teams or users changed.</summary>
    public void Invalidate() => Interlocked.Increment(ref _generation);

    /// <summary>The user's access, or null if the user does not exist or is deactivated.</summary>
    public async Task<UserAccess?> GetAsync(string userId, CancellationToken cancellationToken)
    {
        var key = (userId, Volatile.Read(ref _generation));
        if (cache.TryGetValue(key, out UserAccess? access)) return access;
        await using var scope = scopes.CreateAsyncScope();
        access = await LoadAsync(scope.ServiceProvider.GetRequiredService<CoreDbContext>(), userId, cancellationToken);
        cache.Set(key, access, Lifetime);
        return access;
    }

    static async Task<UserAccess?> LoadAsync(CoreDbContext db, string userId, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId && u.IsActive)
            .Select(u => new { u.Id, u.DisplayName, u.UserName, u.TeamId })
            .FirstOrDefaultAsync(cancellationToken);
        if (user == null) return null;

        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ur.UserId == userId
                           select new { r.Id, r.Name, r.Scope }).AsNoTracking().ToListAsync(cancellationToken);
        var roleIds = roles.Select(r => r.Id).ToList();
        var grants = await db.RoleClaims.AsNoTracking()
            .Where(c => roleIds.Contains(c.RoleId) && c.ClaimType == RoleSeeder.PermissionClaim)
            .Select(c => new { c.RoleId, c.ClaimValue }).ToListAsync(cancellationToken);

        var permissions = new Dictionary<string, RecordScope>();
        foreach (var grant in grants)
        {
            var scope = roles.First(r => r.Id == grant.RoleId).Scope;
            if (!permissions.TryGetValue(grant.ClaimValue!, out var current) || scope > current)
                permissions[grant.ClaimValue!] = scope;
        }

        // A head's team scope covers every team she leads as well as the one she belongs to.
        var teamIds = await db.TeamHeads.AsNoTracking().Where(h => h.UserId == userId).Select(h => h.TeamId).ToListAsync(cancellationToken);
        if (user.TeamId is { } own) teamIds.Add(own);
        IReadOnlyCollection<string> team = teamIds.Count == 0
            ? [user.Id]
            : (await db.Users.AsNoTracking().Where(u => u.TeamId != null && teamIds.Contains(u.TeamId.Value)).Select(u => u.Id)
                .ToListAsync(cancellationToken)).Append(user.Id).Distinct().ToList();

        return new UserAccess(user.Id, string.IsNullOrEmpty(user.DisplayName) ? user.UserName ?? user.Id : user.DisplayName,
            roles.Any(r => r.Name == CrmRoles.Administrator), permissions, team);
    }
}
