using Crm.Host.Data;
using Crm.Sdk.Security;
using Microsoft.EntityFrameworkCore;

namespace Crm.Host.Security;

/// <summary>Employees and teams as modules see them (<see cref="IUserDirectory"/>).</summary>
public sealed class UserDirectory(CoreDbContext db) : IUserDirectory
{
    public async Task<IReadOnlyList<UserSummary>> UsersAsync(CancellationToken ct) =>
        (await LoadAsync(db.Users, ct)).OrderByDescending(u => u.IsActive).ThenBy(u => u.Name, StringComparer.CurrentCultureIgnoreCase).ToList();

    public async Task<IReadOnlyDictionary<string, UserSummary>> FindAsync(IEnumerable<string> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return (await LoadAsync(db.Users.Where(u => list.Contains(u.Id)), ct)).ToDictionary(u => u.Id);
    }

    public async Task<IReadOnlyList<TeamSummary>> TeamsAsync(CancellationToken ct) =>
        await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new TeamSummary(t.Id, t.Name)).ToListAsync(ct);

    async Task<List<UserSummary>> LoadAsync(IQueryable<Data.Entities.CrmUser> users, CancellationToken ct)
    {
        var rows = await users.AsNoTracking().Select(u => new { u.Id, u.DisplayName, u.TeamId, u.IsActive }).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ids.Contains(ur.UserId) select new { ur.UserId, r.Name })
            .ToListAsync(ct);
        var byUser = roles.ToLookup(r => r.UserId, r => r.Name!);
        return rows.Select(r => new UserSummary(r.Id, r.DisplayName, r.TeamId, byUser[r.Id].ToList(), r.IsActive)).ToList();
    }
}
