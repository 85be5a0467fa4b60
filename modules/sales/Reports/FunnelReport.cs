using Crm.Sales.Data;
using Crm.Sales.Deals;
using Crm.Sales.Pipelines;
using Crm.Sdk.Security;
using Microsoft.EntityFrameworkCore;

namespace Crm.Sales.Reports;

/// <summary>One stage of the funnel: deals that entered it in the period, how many went on, and how long they stayed.</summary>
/// <param name="Entered">Distinct deals with a visit to the stage entered in the period.</param>
/// <param name="ConversionPercent">Share of <paramref name="Entered"/> that the next stage received (the won stage after the last open one).</param>
/// <param name="DropOff">Deals that entered the stage less the next stage's entries (never below zero).</param>
/// <param name="AverageDays">Mean time in the stage of the visits entered in the period that have left it.</param>
/// <param name="MedianDays">Their median time (from an even sample of about 10,000 when there are more).</param>
/// <param name="Stalled">Open deals in the stage now for longer than its norm.</param>
public sealed record FunnelStage(int StageId, string Name, StageKind Kind, int? NormDays, int Entered, decimal? ConversionPercent, int DropOff,
    decimal? AverageDays, decimal? MedianDays, int Stalled);

/// <summary>A pipeline's funnel for a period, within the user's scope.</summary>
public sealed record Funnel(int PipelineId, string PipelineName, ReportPeriod Period, IReadOnlyList<FunnelStage> Stages);

/// <summary>
/// The funnel per pipeline and period. Counts and times of whole months come from the monthly counts kept ahead of time
/// (<see cref="VisitMonth"/>), those of the part-months at the ends of the period from the stage history's covering index;
/// medians from the durations of each stage, sampled evenly when there are many; stalled deals from the deals' stage
/// index. Deals in the recycle bin are left out.
/// </summary>
public sealed class FunnelReport(SalesDbContext db, ReportSql sql, ICurrentUser user, TimeProvider time)
{
    const int MedianSample = 10_000;
    const int MedianSlices = 40;

    public async Task<Funnel?> BuildAsync(int? pipelineId, ReportPeriod period, CancellationToken ct)
    {
        var pipeline = pipelineId is { } id
            ? await db.Pipelines.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct)
            : await db.Pipelines.AsNoTracking().Where(p => !p.IsArchived).OrderBy(p => p.SortOrder).ThenBy(p => p.Id).FirstOrDefaultAsync(ct);
        if (pipeline == null) return null;
        var stages = await db.Stages.AsNoTracking().Where(s => s.PipelineId == pipeline.Id).OrderBy(s => s.SortOrder).ThenBy(s => s.Id).ToListAsync(ct);
        if (stages.Count == 0) return new Funnel(pipeline.Id, pipeline.Name, period, []);

        var scope = ReportScope.Of(user);
        // The recycle bin's deals (few) by id, left out of every figure.
        var recycled = (await db.Deals.AsNoTracking().Where(d => d.DeletedAtUtc != null).Select(d => d.Id).ToListAsync(ct)).ToHashSet();
        var figures = (await VisitFiguresAsync(pipeline.Id, stages, period, scope, recycled.Count > 0, ct)).ToDictionary(f => f.StageId);
        var shown = stages.Where(s => !s.IsArchived || figures.ContainsKey(s.Id)).ToList();
        var now = time.GetUtcNow().UtcDateTime;
        var inScope = db.Deals.AsNoTracking().Where(d => d.DeletedAtUtc == null).WithinScope(user, Permissions.ViewDeals, d => d.OwnerId);

        var rows = new List<FunnelStage>();
        foreach (var stage in shown)
        {
            var f = figures.GetValueOrDefault(stage.Id) ?? new VisitFigures(stage.Id, 0, 0, 0);
            var next = stage.Kind != StageKind.Open ? null
                : shown.SkipWhile(s => s.Id != stage.Id).Skip(1).FirstOrDefault(s => s.Kind == StageKind.Open && !s.IsArchived)
                  ?? shown.FirstOrDefault(s => s.Kind == StageKind.Won);
            var nextEntered = next == null ? 0 : figures.GetValueOrDefault(next.Id)?.Entered ?? 0;
            var stalled = 0;
            if (stage.Kind == StageKind.Open && stage.NormDays is { } norm)
            {
                var enteredBefore = now.AddDays(-norm);
                stalled = await inScope.CountAsync(d => d.StageId == stage.Id && d.Status == DealStatus.Open && d.StageEnteredAtUtc < enteredBefore, ct);
            }
            rows.Add(new FunnelStage(stage.Id, stage.Name, stage.Kind, stage.NormDays, f.Entered,
                next == null || f.Entered == 0 ? null : Math.Round(100m * nextEntered / f.Entered, 1, MidpointRounding.AwayFromZero),
                next == null ? 0 : Math.Max(0, f.Entered - nextEntered),
                f.Left == 0 ? null : Math.Round(f.Seconds / (decimal)f.Left / 86400m, 1, MidpointRounding.AwayFromZero),
                f.Left == 0 ? null : await MedianDaysAsync(pipeline.Id, stage.Id, f.Left, period, scope, recycled, ct),
                stalled));
        }
        return new Funnel(pipeline.Id, pipeline.Name, period, rows);
    }

    sealed record VisitFigures(int StageId, int Entered, int Left, long Seconds);

    /// <summary>Entries, leavers and their seconds per stage: whole months from the monthly counts, the ends from the visits.</summary>
    async Task<List<VisitFigures>> VisitFiguresAsync(int pipelineId, List<Stage> stages, ReportPeriod period, ReportScope scope, bool anyRecycled,
        CancellationToken ct)
    {
        var (first, end) = period.WholeMonths();
        if (first >= end) return await VisitedAsync(pipelineId, stages, period.FromUtc, period.ToUtc, period, scope, anyRecycled, ct);
        var parts = new List<VisitFigures>();
        var firstUtc = first.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var endUtc = end.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        if (period.FromUtc < firstUtc) parts.AddRange(await VisitedAsync(pipelineId, stages, period.FromUtc, firstUtc, period, scope, anyRecycled, ct));
        parts.AddRange(await CountedAsync(pipelineId, first, end, period, scope, ct));
        if (endUtc < period.ToUtc) parts.AddRange(await VisitedAsync(pipelineId, stages, endUtc, period.ToUtc, period, scope, anyRecycled, ct));
        return parts.GroupBy(f => f.StageId)
            .Select(g => new VisitFigures(g.Key, g.Sum(f => f.Entered), g.Sum(f => f.Left), g.Sum(f => f.Seconds))).ToList();
    }

    /// <summary>The figures of the whole months [<paramref name="first"/>, <paramref name="end"/>) from the monthly counts.</summary>
    async Task<List<VisitFigures>> CountedAsync(int pipelineId, DateOnly first, DateOnly end, ReportPeriod period, ReportScope scope, CancellationToken ct)
    {
        var p = new ReportSql.Parameters();
        var from = p.Add(VisitMonths.Day(period.From));
        return await sql.QueryAsync($"""
            SELECT m.StageId, SUM(CASE WHEN m.PreviousEntryOn < {from} THEN m.Visits ELSE 0 END), SUM(m.Finished), SUM(m.Seconds)
            FROM sales_visit_months m
            WHERE m.PipelineId = {p.Add(pipelineId)} AND m.Month >= {p.Add(first.Year * 100 + first.Month)} AND m.Month < {p.Add(end.Year * 100 + end.Month)}
              {OwnersSql(scope, p, "m.OwnerId")}
            GROUP BY m.StageId
            """, p, r => new VisitFigures(r.GetInt32(0), (int)ReportSql.Long(r, 1), (int)ReportSql.Long(r, 2), ReportSql.Long(r, 3)), ct);
    }

    /// <summary>
    /// The figures of the visits entered in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>), where a re-entry counts as
    /// a deal entering when its previous entry was before the <paramref name="period"/>: counted over the visits' covering
    /// index, less the same figures of the deals in the recycle bin (read from those few deals), which is exact for counts
    /// and sums and spares the database a check of every visit against the recycle bin.
    /// </summary>
    async Task<List<VisitFigures>> VisitedAsync(int pipelineId, List<Stage> stages, DateTime fromUtc, DateTime toUtc, ReportPeriod period,
        ReportScope scope, bool anyRecycled, CancellationToken ct)
    {
        var p = new ReportSql.Parameters();
        var from = p.Add(period.FromUtc);
        var visits = $"""
            v.PipelineId = {p.Add(pipelineId)} AND v.StageId IN ({string.Join(", ", stages.Select(s => p.Add(s.Id)))})
              AND v.EnteredAtUtc >= {p.Add(fromUtc)} AND v.EnteredAtUtc < {p.Add(toUtc)} {OwnersSql(scope, p, "v.OwnerId")}
            """;
        var figures = $"""
            SELECT v.StageId, SUM(CASE WHEN v.PreviousEntryAtUtc IS NULL OR v.PreviousEntryAtUtc < {from} THEN 1 ELSE 0 END),
                   COUNT(v.SecondsInStage), SUM(v.SecondsInStage)
            """;
        VisitFigures Read(System.Data.Common.DbDataReader r) =>
            new(r.GetInt32(0), (int)ReportSql.Long(r, 1), (int)ReportSql.Long(r, 2), ReportSql.Long(r, 3));

        // Listing the stages lets both databases walk the index stage by stage and group without sorting.
        var all = await sql.QueryAsync($"{figures} FROM sales_stage_visits v {VisitIndex(scope)} WHERE {visits} GROUP BY v.StageId", p, Read, ct);
        if (!anyRecycled) return all;
        // From the recycled deals to their visits (a CROSS JOIN keeps that order on SQLite).
        var recycled = (await sql.QueryAsync(
                $"{figures} FROM sales_deals d CROSS JOIN sales_stage_visits v WHERE d.DeletedAtUtc IS NOT NULL AND v.DealId = d.Id AND {visits} GROUP BY v.StageId",
                p, Read, ct))
            .ToDictionary(f => f.StageId);
        return all.Select(f => recycled.TryGetValue(f.StageId, out var r) ? new VisitFigures(f.StageId, f.Entered - r.Entered, f.Left - r.Left, f.Seconds - r.Seconds) : f)
            .ToList();
    }

    /// <summary>
    /// The median time in a stage of the visits entered in the period that have left it: from all of them up to
    /// <see cref="MedianSample"/>; beyond that from an even sample, which for everyone's deals is read as the first visits of
    /// <see cref="MedianSlices"/> equal slices of the period (index seeks, where sampling by id would read every visit).
    /// Visits of recycled deals are dropped as they are read, rather than checked by the database in every slice.
    /// </summary>
    async Task<decimal> MedianDaysAsync(int pipelineId, int stageId, int count, ReportPeriod period, ReportScope scope, HashSet<int> recycled,
        CancellationToken ct)
    {
        var p = new ReportSql.Parameters();
        var left = $"v.PipelineId = {p.Add(pipelineId)} AND v.StageId = {p.Add(stageId)} AND v.SecondsInStage IS NOT NULL {OwnersSql(scope, p, "v.OwnerId")}";
        var to = p.Add(period.ToUtc);
        string text;
        if (count > MedianSample && scope.IsEveryone)
        {
            var slice = (period.ToUtc - period.FromUtc) / MedianSlices;
            text = string.Join("\nUNION ALL ", Enumerable.Range(0, MedianSlices).Select(i => $"""
                SELECT s, d FROM (SELECT v.SecondsInStage AS s, v.DealId AS d FROM sales_stage_visits v
                  WHERE {left} AND v.EnteredAtUtc >= {p.Add(period.FromUtc + slice * i)} AND v.EnteredAtUtc < {(i + 1 == MedianSlices ? to : p.Add(period.FromUtc + slice * (i + 1)))}
                  ORDER BY v.EnteredAtUtc LIMIT {MedianSample / MedianSlices}) slice{i}
                """));
        }
        else
        {
            var step = Math.Max(1, (count + MedianSample - 1) / MedianSample);
            text = $"""
                SELECT v.SecondsInStage, v.DealId FROM sales_stage_visits v {VisitIndex(scope)}
                WHERE {left} AND v.EnteredAtUtc >= {p.Add(period.FromUtc)} AND v.EnteredAtUtc < {to} {(step > 1 ? $"AND v.Id % {p.Add(step)} = 0" : "")}
                """;
        }
        var seconds = (await sql.QueryAsync(text, p, r => (Seconds: ReportSql.Long(r, 0), Deal: (int)ReportSql.Long(r, 1)), ct))
            .Where(v => !recycled.Contains(v.Deal)).Select(v => v.Seconds).ToList();
        if (seconds.Count == 0) return 0;
        seconds.Sort();
        var middle = seconds.Count / 2;
        var median = seconds.Count % 2 == 1 ? seconds[middle] : (seconds[middle - 1] + seconds[middle]) / 2m;
        return Math.Round(median / 86400m, 1, MidpointRounding.AwayFromZero);
    }

    /// <summary>Keeps the visits (or monthly counts) of deals whose owner is in scope: both carry the deal's owner.</summary>
    static string OwnersSql(ReportScope scope, ReportSql.Parameters p, string ownerColumn) =>
        scope.IsEveryone ? "" : $"AND {scope.Sql(ownerColumn, p)}";

    /// <summary>
    /// In someone's scope the visits are read owner by owner. Without statistics SQLite would rather walk the stage index
    /// (it saves a sort) and look every visit's owner up in the table: seconds at a million deals instead of milliseconds.
    /// </summary>
    string VisitIndex(ReportScope scope) => scope.IsEveryone ? "" : sql.UseIndex("IX_sales_stage_visits_FunnelByOwner");
}
