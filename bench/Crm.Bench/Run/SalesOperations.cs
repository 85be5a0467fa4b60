using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Crm.Bench.Run;

/// <summary>
/// The sales module's key operations, each beside its hand-written SQL floor, as <see cref="KeyOperations"/> holds the
/// client base's: the deal list, a kanban column and the board, the funnel, manager effectiveness and the forecast.
/// Reports cover the last full calendar year (the forecast: this year), in the default currency (RUB).
/// </summary>
public static class SalesOperations
{
    const string Currency = "RUB";
    const string DealColumns = "d.Id, d.Title, d.PipelineId, d.StageId, d.Status, d.Amount, d.Currency, d.OwnerId, d.CompanyId, d.ContactId, " +
                               "d.ExpectedCloseOn, d.UpdatedAtUtc, d.StageEnteredAtUtc, d.Version, c.Name, u.DisplayName, s.Name, s.NormDays";

    public static IReadOnlyList<Operation> All(DbConnection setup)
    {
        if (Sql.List(setup, "SELECT COUNT(*) FROM core_modules WHERE Id = 'sales' AND Enabled = 1", r => Convert.ToInt32(r.GetValue(0)))[0] == 0)
        {
            Console.WriteLine("  sales: the module is not enabled in this database (generated before the deals step?): its figures are skipped");
            return [];
        }
        var pipeline = Sql.List(setup, "SELECT MIN(Id) FROM sales_pipelines WHERE IsArchived = 0", r => Convert.ToInt32(r.GetValue(0)))[0];
        var stages = Sql.List(setup, "SELECT Id, Kind, NormDays FROM sales_stages WHERE PipelineId = @p AND IsArchived = 0 ORDER BY SortOrder, Id",
            r => (Id: r.GetInt32(0), Kind: r.GetInt32(1), Norm: r.IsDBNull(2) ? (int?)null : r.GetInt32(2)), ("@p", pipeline));
        var open = stages.Where(s => s.Kind == 0).ToList();
        var year = DateTime.UtcNow.Year - 1;
        var (from, to) = (new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(year + 1, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var thisYear = DateTime.UtcNow.Year;
        var period = $"From={year}-01-01&To={year}-12-31";

        return
        [
            new("deals list: manager, open deals, first page", Target.ListOrCard, false, (_, s) =>
                [new Case("/Sales/Deals?Status=Open", c => ListFloor(c, "d.OwnerId = @me AND d.Status = 0", 51, ("@me", s.UserId)))]),
            new("deals list: admin, pipeline + open, first page", Target.ListOrCard, true, (_, _) =>
                [new Case($"/Sales/Deals?PipelineId={pipeline}&Status=Open", c => ListFloor(c, "d.PipelineId = @p AND d.Status = 0", 51, ("@p", pipeline)))]),
            // The board's column: the open deals of one stage, newest first, up to 200 cards (the board shows as many per column).
            new("kanban column (API, ≤ 200 cards): manager", Target.Column, false, (_, s) =>
                open.Select(stage => new Case($"/api/v1/sales/deals?pipelineId={pipeline}&stageId={stage.Id}&limit=200",
                    c => ListFloor(c, "d.OwnerId = @me AND d.PipelineId = @p AND d.StageId = @s", 201, ("@me", s.UserId), ("@p", pipeline), ("@s", stage.Id)))).ToList()),
            new("kanban column (API, 200 cards): admin", Target.Column, true, (_, _) =>
                open.Select(stage => new Case($"/api/v1/sales/deals?pipelineId={pipeline}&stageId={stage.Id}&limit=200",
                    c => ListFloor(c, "d.PipelineId = @p AND d.StageId = @s", 201, ("@p", pipeline), ("@s", stage.Id)))).ToList()),
            new("kanban board page (all columns): manager", Target.None, false, (_, s) =>
                [new Case("/Sales/Board", c => BoardFloor(c, pipeline, open, s.UserId!))]),
            new($"funnel report {year}: admin", Target.Report, true, (_, _) =>
                [new Case($"/Sales/Reports/Funnel?{period}&PipelineId={pipeline}", c => FunnelFloor(c, pipeline, stages, from, to, null))]),
            new($"funnel report {year}: head of sales (team)", Target.Report, false, (_, s) =>
                [new Case($"/Sales/Reports/Funnel?{period}&PipelineId={pipeline}", c => FunnelFloor(c, pipeline, stages, from, to, s.TeamMembers))], AsHead: true),
            new($"manager effectiveness {year}: admin", Target.Report, true, (_, _) =>
                [new Case($"/Sales/Reports/Managers?{period}", c => ManagersFloor(c, from, to))]),
            new($"forecast {thisYear}: admin", Target.Report, true, (_, _) =>
                [new Case($"/Sales/Reports/Forecast?From={thisYear}-01-01&To={thisYear}-12-31", c => ForecastFloor(c, thisYear))]),
        ];
    }

    /// <summary>The list page's reads: pipelines and stages for the filters, active users for the owner picker, one page of deals with names.</summary>
    static int ListFloor(DbConnection c, string where, int limit, params (string, object?)[] parameters) =>
        Sql.Read(c, $"""
            SELECT Id, Name, SortOrder, IsArchived, Version FROM sales_pipelines WHERE IsArchived = 0 ORDER BY SortOrder, Id;
            SELECT Id, PipelineId, Name, SortOrder, Probability, NormDays, Kind, IsArchived FROM sales_stages ORDER BY PipelineId, SortOrder;
            SELECT Id, DisplayName, TeamId, IsActive FROM core_users WHERE IsActive = 1 ORDER BY DisplayName;
            {DealsPage(where, limit)}
            """, parameters);

    static string DealsPage(string where, int limit) => $"""
        SELECT {DealColumns} FROM sales_deals d
          JOIN sales_stages s ON s.Id = d.StageId LEFT JOIN core_companies c ON c.Id = d.CompanyId LEFT JOIN core_users u ON u.Id = d.OwnerId
          WHERE d.DeletedAtUtc IS NULL AND {where} ORDER BY d.UpdatedAtUtc DESC, d.Id DESC LIMIT {limit};
        """;

    static int BoardFloor(DbConnection c, int pipeline, List<(int Id, int Kind, int? Norm)> open, string me)
    {
        var sql = new System.Text.StringBuilder("""
            SELECT Id, Name, SortOrder, IsArchived, Version FROM sales_pipelines WHERE IsArchived = 0 ORDER BY SortOrder, Id;
            SELECT Id, PipelineId, Name, SortOrder, Probability, NormDays, Kind, IsArchived FROM sales_stages WHERE IsArchived = 0 ORDER BY PipelineId, SortOrder;
            SELECT Id, Name FROM sales_loss_reasons WHERE IsArchived = 0 ORDER BY SortOrder;
            SELECT StageId, COUNT(*), SUM(CASE WHEN Currency = @c THEN Amount ELSE 0 END) FROM sales_deals
              WHERE DeletedAtUtc IS NULL AND OwnerId = @me AND PipelineId = @p AND (Status = 0 OR ClosedAtUtc >= @since) GROUP BY StageId;
            """);
        foreach (var stage in open) sql.Append(DealsPage($"d.OwnerId = @me AND d.PipelineId = @p AND d.StageId = {stage.Id}", 200));
        return Sql.Read(c, sql.ToString(), ("@me", me), ("@p", pipeline), ("@c", Currency), ("@since", DateTime.UtcNow.AddDays(-30)));
    }

    /// <summary>
    /// The funnel's reads, as the report makes them: entries, times and leavers per stage from the visits' covering index
    /// (a team's through the owner index) less those of the recycled deals, an even sample of each stage's times for the
    /// median (first visits of 40 slices of the period when there are over 10,000; recycled deals dropped as read), and the stalled deals per open stage
    /// with a norm. <paramref name="team"/> null: everyone.
    /// </summary>
    static int FunnelFloor(DbConnection c, int pipeline, List<(int Id, int Kind, int? Norm)> stages, DateTime from, DateTime to, IReadOnlyList<string>? team)
    {
        var owners = team == null ? "" : string.Join(", ", team.Select((_, i) => $"@o{i}"));
        var ownerParameters = (team ?? []).Select((id, i) => ($"@o{i}", (object?)id)).ToArray();
        var byOwner = team == null ? "" : $"AND v.OwnerId IN ({owners})";
        var ownerIndex = team == null ? "" : c is SqliteConnection ? "INDEXED BY IX_sales_stage_visits_FunnelByOwner" : "FORCE INDEX (IX_sales_stage_visits_FunnelByOwner)";
        var recycled = Sql.List(c, "SELECT Id FROM sales_deals WHERE DeletedAtUtc IS NOT NULL", r => Convert.ToInt32(r.GetValue(0))).ToHashSet();
        (string, object?)[] common = [("@p", pipeline), ("@from", from), ("@to", to), .. ownerParameters];
        var rows = Sql.Read(c, """
            SELECT Id, Name, SortOrder, IsArchived, Version FROM sales_pipelines WHERE Id = @p;
            SELECT Id, PipelineId, Name, SortOrder, Probability, NormDays, Kind, IsArchived FROM sales_stages WHERE PipelineId = @p ORDER BY SortOrder, Id;
            """, ("@p", pipeline));
        var visits = $"v.PipelineId = @p AND v.StageId IN ({string.Join(", ", stages.Select(s => s.Id))}) AND v.EnteredAtUtc >= @from AND v.EnteredAtUtc < @to {byOwner}";
        const string figures = """
            SELECT v.StageId, SUM(CASE WHEN v.PreviousEntryAtUtc IS NULL OR v.PreviousEntryAtUtc < @from THEN 1 ELSE 0 END), COUNT(v.SecondsInStage), SUM(v.SecondsInStage)
            """;
        var all = Sql.List(c, $"{figures} FROM sales_stage_visits v {ownerIndex} WHERE {visits} GROUP BY v.StageId",
            r => (Stage: r.GetInt32(0), Left: Convert.ToInt64(r.GetValue(2))), common);
        rows += recycled.Count + Sql.Read(c, $"{figures} FROM sales_deals d CROSS JOIN sales_stage_visits v WHERE d.DeletedAtUtc IS NOT NULL AND v.DealId = d.Id AND {visits} GROUP BY v.StageId", common);
        foreach (var (stage, left) in all.Where(f => f.Left > 0))
        {
            var inStage = $"v.PipelineId = @p AND v.StageId = {stage} AND v.SecondsInStage IS NOT NULL {byOwner}";
            var slices = Enumerable.Range(0, 41).Select(i => ($"@t{i}", (object?)(i == 40 ? to : from + (to - from) / 40 * i))).ToArray();
            var sample = team == null && left > 10_000
                ? string.Join(" UNION ALL ", Enumerable.Range(0, 40).Select(i =>
                    $"SELECT s, d FROM (SELECT v.SecondsInStage AS s, v.DealId AS d FROM sales_stage_visits v WHERE {inStage} AND v.EnteredAtUtc >= @t{i} " +
                    $"AND v.EnteredAtUtc < @t{i + 1} ORDER BY v.EnteredAtUtc LIMIT 250) s{i}"))
                : $"SELECT v.SecondsInStage, v.DealId FROM sales_stage_visits v {ownerIndex} WHERE {inStage} AND v.EnteredAtUtc >= @from AND v.EnteredAtUtc < @to" +
                  (left > 10_000 ? $" AND v.Id % {(left + 9_999) / 10_000} = 0" : "");
            var seconds = Sql.List(c, sample, r => (Seconds: Convert.ToInt64(r.GetValue(0)), Deal: Convert.ToInt32(r.GetValue(1))), [.. common, .. slices])
                .Where(v => !recycled.Contains(v.Deal)).Select(v => v.Seconds).ToList();
            seconds.Sort();
            rows += seconds.Count;
        }
        var dealScope = team == null ? "" : $"AND OwnerId IN ({owners})";
        foreach (var stage in stages.Where(s => s.Kind == 0 && s.Norm != null))
            rows += Sql.Read(c, $"SELECT COUNT(*) FROM sales_deals WHERE StageId = @s AND Status = 0 AND DeletedAtUtc IS NULL AND StageEnteredAtUtc < @before {dealScope}",
                [("@s", stage.Id), ("@before", DateTime.UtcNow.AddDays(-stage.Norm!.Value)), .. ownerParameters]);
        return rows + all.Count;
    }

    /// <summary>
    /// As the report reads them: closed deals per manager and status owner by owner (every employee's id listed) from the
    /// closed deals' owner index with the sales cycle stored at closing, the staff with roles, plans, activities done per
    /// employee from their owner index, and the rules.
    /// </summary>
    static int ManagersFloor(DbConnection c, DateTime from, DateTime to)
    {
        var staff = Sql.List(c, "SELECT Id FROM core_users", r => r.GetString(0));
        var owners = string.Join(", ", staff.Select(id => $"'{id}'"));
        return staff.Count + Sql.Read(c, $"""
            SELECT d.OwnerId, d.Status, COUNT(*), SUM(CASE WHEN d.Currency = @c THEN 1 ELSE 0 END), SUM(CASE WHEN d.Currency = @c THEN d.Amount ELSE 0 END),
                   SUM(d.CycleSeconds)
            FROM sales_deals d
            WHERE d.OwnerId IN ({owners}) AND d.Status IN (1, 2) AND d.DeletedAtUtc IS NULL AND d.ClosedAtUtc >= @from AND d.ClosedAtUtc < @to
            GROUP BY d.OwnerId, d.Status;
            SELECT Id, DisplayName, TeamId, IsActive FROM core_users;
            SELECT ur.UserId, r.Name FROM core_user_roles ur JOIN core_roles r ON r.Id = ur.RoleId;
            SELECT OwnerId, Amount FROM sales_plans WHERE OwnerId IS NOT NULL AND Currency = @c AND Month >= @m0 AND Month <= @m1;
            SELECT OwnerId, COUNT(*) FROM core_activities WHERE OwnerId IN ({owners}) AND DoneAtUtc >= @from AND DoneAtUtc < @to GROUP BY OwnerId;
            SELECT Id, OwnerId, Role, Percent, BonusPercent FROM sales_commission_rules ORDER BY Role, OwnerId;
            """, ("@c", Currency), ("@from", from), ("@to", to), ("@m0", DateOnly.FromDateTime(from)), ("@m1", DateOnly.FromDateTime(to.AddDays(-1)).AddDays(1 - to.AddDays(-1).Day)));
    }

    static int ForecastFloor(DbConnection c, int year) =>
        Sql.Read(c, """
            SELECT d.ExpectedCloseOn, d.StageId, COUNT(*), SUM(d.Amount) FROM sales_deals d
            WHERE d.DeletedAtUtc IS NULL AND d.Status = 0 AND d.Currency = @c
              AND (d.ExpectedCloseOn IS NULL OR (d.ExpectedCloseOn >= @from AND d.ExpectedCloseOn <= @to))
            GROUP BY d.ExpectedCloseOn, d.StageId;
            SELECT Id, Probability FROM sales_stages;
            """, ("@c", Currency), ("@from", new DateOnly(year, 1, 1)), ("@to", new DateOnly(year, 12, 31)));
}
