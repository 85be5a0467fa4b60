namespace Crm.Sdk.Security;

/// <summary>An employee as modules show them: id, display name, team, roles, and whether they can still sign in.</summary>
public sealed record UserSummary(string Id, string Name, int? TeamId, IReadOnlyList<string> Roles, bool IsActive);

/// <summary>A team of employees.</summary>
public sealed record TeamSummary(int Id, string Name);

/// <summary>Employees and teams for modules: names in lists, pickers of owners, per-role and per-team rules and reports.</summary>
public interface IUserDirectory
{
    /// <summary>Every employee, active first, by name; former employees stay so that history shows their names.</summary>
    Task<IReadOnlyList<UserSummary>> UsersAsync(CancellationToken cancellationToken);

    /// <summary>The employees with the given ids (unknown ids are left out).</summary>
    Task<IReadOnlyDictionary<string, UserSummary>> FindAsync(IEnumerable<string> ids, CancellationToken cancellationToken);

    /// <summary>All teams, by name.</summary>
    Task<IReadOnlyList<TeamSummary>> TeamsAsync(CancellationToken cancellationToken);

    /// <summary>The ids of the team's heads (active or not; a team may have several, or none).</summary>
    Task<IReadOnlyList<string>> HeadsOfTeamAsync(int teamId, CancellationToken cancellationToken);

    /// <summary>The ids of the teams the user leads; a head may lead teams other than the one she belongs to.</summary>
    Task<IReadOnlyList<int>> TeamsLedByAsync(string userId, CancellationToken cancellationToken);
}
