using Crm.Host.Data;
using Crm.Host.Data.Entities;
using Crm.Sdk.Data;
using Crm.Sdk.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Crm.Host.Security;

/// <summary>
/// Employees and teams as modules see them (<see cref="IUserDirectory"/>). Lists name owners on every page, so the staff
/// with their roles are kept in the <see cref="IReferenceCache"/>: one read per change of users or roles, not two a page.
/// </summary>
public sealed class UserDirectory(CoreDbContext db, IReferenceCache cache) : IUserDirectory
{
    static readonly Type[] StaffTables = [typeof(CrmUser), typeof(IdentityUserRole<string>), typeof(CrmRole)];

    public async Task<IReadOnlyList<UserSummary>> UsersAsync(CancellationToken ct) =>
        (await StaffAsync(ct)).Values.OrderByDescending(u => u.IsActive).ThenBy(u => u.Name, StringComparer.CurrentCultureIgnoreCase).ToList();

    public async Task<IReadOnlyDictionary<string, UserSummary>> FindAsync(IEnumerable<string> ids, CancellationToken ct)
    {
        var staff = await StaffAsync(ct);
        var found = new Dictionary<string, UserSummary>();
        var missing = new List<string>();
        foreach (var id in ids.Distinct())
            if (staff.TryGetValue(id, out var user)) found[id] = user;
            else missing.Add(id);
        // Someone added around this host (by another process) is not in memory for up to half a minute; the database knows them.
        if (missing.Count > 0)
            foreach (var user in await LoadAsync(db.Users.Where(u => missing.Contains(u.Id)), ct)) found[user.Id] = user;
        return found;
    }

    public async Task<IReadOnlyList<TeamSummary>> TeamsAsync(CancellationToken ct) =>
        await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new TeamSummary(t.Id, t.Name)).ToListAsync(ct);

    // Read on a discount request or an approvals page, not on every list: not worth a cache entry that team edits must clear.
    public async Task<IReadOnlyList<string>> HeadsOfTeamAsync(int teamId, CancellationToken ct) =>
        await db.TeamHeads.AsNoTracking().Where(h => h.TeamId == teamId).OrderBy(h => h.UserId).Select(h => h.UserId).ToListAsync(ct);

    public async Task<IReadOnlyList<int>> TeamsLedByAsync(string userId, CancellationToken ct) =>
        await db.TeamHeads.AsNoTracking().Where(h => h.UserId == userId).OrderBy(h => h.TeamId).Select(h => h.TeamId).ToListAsync(ct);

    Task<IReadOnlyDictionary<string, UserSummary>> StaffAsync(CancellationToken ct) =>
        cache.GetAsync<IReadOnlyDictionary<string, UserSummary>>("core.staff", StaffTables,
            async c => (await LoadAsync(db.Users, c)).ToDictionary(u => u.Id), ct);

    async Task<List<UserSummary>> LoadAsync(IQueryable<CrmUser> users, CancellationToken ct)
    {
        var rows = await users.AsNoTracking().Select(u => new { u.Id, u.DisplayName, u.TeamId, u.IsActive }).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ids.Contains(ur.UserId) select new { ur.UserId, r.Name })
            .ToListAsync(ct);
        var byUser = roles.ToLookup(r => r.UserId, r => r.Name!);
        return rows.Select(r => new UserSummary(r.Id, r.DisplayName, r.TeamId, byUser[r.Id].ToList(), r.IsActive)).ToList();
    }
}
