using Crm.Host.Data;
using Crm.Host.Data.Entities;
using Crm.Host.Security;
using Crm.Sdk.Validation;
using Microsoft.EntityFrameworkCore;

namespace Crm.Host.People;

/// <summary>An employee named in a team: id and display name.</summary>
public sealed record TeamPerson(string Id, string Name, bool IsActive);

/// <summary>A team as the list shows it: its heads and how many members it has.</summary>
public sealed record TeamRow(int Id, string Name, IReadOnlyList<TeamPerson> Heads, int MemberCount);

/// <summary>A team with its heads and members.</summary>
public sealed record TeamDetails(int Id, string Name, IReadOnlyList<TeamPerson> Heads, IReadOnlyList<TeamPerson> Members);

/// <summary>A team to create or change. Null heads or members leave them as they are; a list replaces them.</summary>
public sealed record TeamInput(string? Name, IReadOnlyList<string?>? HeadIds = null, IReadOnlyList<string?>? MemberIds = null);

/// <summary>
/// Teams: create, rename, delete, their heads and members. A user belongs to at most one team (<see cref="CrmUser.TeamId"/>)
/// and may lead others (<see cref="TeamHead"/>). Every change clears the access cache, so scopes follow on the next request.
/// </summary>
public sealed class TeamService(CoreDbContext db, UserAccessCache access)
{
    public async Task<List<TeamRow>> ListAsync(CancellationToken ct)
    {
        var teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(ct);
        var heads = await (from h in db.TeamHeads join u in db.Users on h.UserId equals u.Id
                           select new { h.TeamId, Person = new TeamPerson(u.Id, u.DisplayName, u.IsActive) }).AsNoTracking().ToListAsync(ct);
        var counts = await db.Users.AsNoTracking().Where(u => u.TeamId != null).GroupBy(u => u.TeamId!.Value)
            .Select(g => new { TeamId = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.TeamId, g => g.Count, ct);
        return teams.Select(t => new TeamRow(t.Id, t.Name,
            heads.Where(h => h.TeamId == t.Id).Select(h => h.Person).OrderBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase).ToList(),
            counts.GetValueOrDefault(t.Id))).ToList();
    }

    public async Task<TeamDetails?> FindAsync(int id, CancellationToken ct)
    {
        var team = await db.Teams.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (team == null) return null;
        var heads = await (from h in db.TeamHeads join u in db.Users on h.UserId equals u.Id where h.TeamId == id orderby u.DisplayName
                           select new TeamPerson(u.Id, u.DisplayName, u.IsActive)).AsNoTracking().ToListAsync(ct);
        var members = await db.Users.AsNoTracking().Where(u => u.TeamId == id).OrderBy(u => u.DisplayName)
            .Select(u => new TeamPerson(u.Id, u.DisplayName, u.IsActive)).ToListAsync(ct);
        return new TeamDetails(team.Id, team.Name, heads, members);
    }

    public async Task<SaveResult> CreateAsync(TeamInput input, CancellationToken ct)
    {
        var errors = await ValidateAsync(null, input, ct);
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        var team = new Team { Name = input.Name!.Trim() };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Teams.Add(team);
        await db.SaveChangesAsync(ct);
        await ApplyPeopleAsync(team.Id, input, ct);
        await transaction.CommitAsync(ct);
        access.Invalidate();
        return SaveResult.Saved(team.Id);
    }

    public async Task<SaveResult> UpdateAsync(int id, TeamInput input, CancellationToken ct)
    {
        var team = await db.Teams.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (team == null) return SaveResult.Missing();
        var errors = await ValidateAsync(id, input, ct);
        if (errors.Count > 0) return SaveResult.Invalid(errors);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        team.Name = input.Name!.Trim();
        await db.SaveChangesAsync(ct);
        await ApplyPeopleAsync(id, input, ct);
        await transaction.CommitAsync(ct);
        access.Invalidate();
        return SaveResult.Saved(id);
    }

    /// <summary>
    /// Deletes an empty team with its heads. A team that still has members is refused rather than emptied: detaching them
    /// silently would shrink what their heads see, and the administrator should decide where each of them goes.
    /// </summary>
    public async Task<SaveResult> DeleteAsync(int id, CancellationToken ct)
    {
        var team = await db.Teams.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (team == null) return SaveResult.Missing();
        if (await db.Users.AnyAsync(u => u.TeamId == id, ct)) return SaveResult.Invalid(new FieldErrors().Add("memberIds", "Team.HasMembers"));
        db.TeamHeads.RemoveRange(await db.TeamHeads.Where(h => h.TeamId == id).ToListAsync(ct));
        db.Teams.Remove(team);
        await db.SaveChangesAsync(ct);
        access.Invalidate();
        return SaveResult.Saved(id);
    }

    async Task<FieldErrors> ValidateAsync(int? id, TeamInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var name = FieldErrors.Clean(input.Name);
        errors.If(name == null, "name", "Client.Required").If(name?.Length > 200, "name", "Client.TooLong");
        if (name != null && errors.Count == 0)
        {
            // Few teams: compared in memory, so "north" and "North" clash on both databases alike.
            var names = await db.Teams.AsNoTracking().Where(t => t.Id != id).Select(t => t.Name).ToListAsync(ct);
            errors.If(names.Any(n => string.Equals(n, name, StringComparison.CurrentCultureIgnoreCase)), "name", "Team.NameTaken");
        }
        await CheckPeopleAsync(errors, "headIds", input.HeadIds, activeOnly: true, ct);
        await CheckPeopleAsync(errors, "memberIds", input.MemberIds, activeOnly: false, ct);
        return errors;
    }

    async Task CheckPeopleAsync(FieldErrors errors, string field, IReadOnlyList<string?>? ids, bool activeOnly, CancellationToken ct)
    {
        if (ids == null) return;
        if (ids.Any(string.IsNullOrWhiteSpace)) { errors.Add(field, "Team.UnknownUser"); return; }
        var wanted = ids.Distinct().ToList();
        var found = await db.Users.CountAsync(u => wanted.Contains(u.Id) && (!activeOnly || u.IsActive), ct);
        errors.If(found != wanted.Count, field, activeOnly ? "Team.UnknownHead" : "Team.UnknownUser");
    }

    async Task ApplyPeopleAsync(int teamId, TeamInput input, CancellationToken ct)
    {
        if (input.HeadIds != null)
        {
            var wanted = input.HeadIds.Select(h => h!).ToHashSet();
            var current = await db.TeamHeads.Where(h => h.TeamId == teamId).ToListAsync(ct);
            db.TeamHeads.RemoveRange(current.Where(h => !wanted.Contains(h.UserId)));
            foreach (var userId in wanted.Where(w => current.All(h => h.UserId != w)))
                db.TeamHeads.Add(new TeamHead { TeamId = teamId, UserId = userId });
        }
        if (input.MemberIds != null)
        {
            var wanted = input.MemberIds.Select(m => m!).ToHashSet();
            // Tracked, not a bulk update: the audit records each move, and the staff cache hears of it.
            foreach (var user in await db.Users.Where(u => u.TeamId == teamId || wanted.Contains(u.Id)).ToListAsync(ct))
                user.TeamId = wanted.Contains(user.Id) ? teamId : null;
        }
        await db.SaveChangesAsync(ct);
    }
}
