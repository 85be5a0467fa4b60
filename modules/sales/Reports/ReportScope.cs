using Crm.Sdk.Security;

namespace Crm.Sales.Reports;

/// <summary>
/// Whose deals a user's reports count: the user's record scope for viewing deals (everyone's, their team's, or their own),
/// as owner ids for hand-written SQL. LINQ queries use <see cref="ScopeQueryExtensions.WithinScope{T}"/> itself.
/// </summary>
public sealed record ReportScope(IReadOnlyList<string>? Owners)
{
    public static ReportScope Of(ICurrentUser user) =>
        !user.IsAuthenticated || !user.HasPermission(Permissions.ViewDeals) ? new ReportScope([])
        : user.ScopeFor(Permissions.ViewDeals) switch
        {
            RecordScope.All => new ReportScope((IReadOnlyList<string>?)null),
            RecordScope.Team => new ReportScope(user.TeamMemberIds.ToList()),
            _ => new ReportScope([user.Id!]),
        };

    public bool IsEveryone => Owners == null;

    public bool Includes(string ownerId) => Owners == null || Owners.Contains(ownerId);

    /// <summary>A condition that <paramref name="column"/> holds an owner in scope, its values added to <paramref name="parameters"/>.</summary>
    public string Sql(string column, ReportSql.Parameters parameters) =>
        Owners == null ? "1 = 1"
        : Owners.Count == 0 ? "1 = 0"
        : $"{column} IN ({string.Join(", ", Owners.Select(parameters.Add))})";
}
