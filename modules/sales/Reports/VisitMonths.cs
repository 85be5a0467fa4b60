using System.Globalization;
using Crm.Sales.Data;
using Crm.Sdk.Data;
using Microsoft.EntityFrameworkCore;

namespace Crm.Sales.Reports;

/// <summary>
/// Keeps <see cref="VisitMonth"/> exact. Whatever changes a deal's visits or takes it to the recycle bin counts what the
/// deal adds to the summary before the change (<see cref="CountAsync"/>) and hands that to <see cref="UpdateAsync"/> after
/// saving, in the same transaction: the summary then moves by the difference, whatever the change was. The whole
/// summary can be counted again from the visits (<see cref="RebuildAsync"/>), as migration 8 first counted it.
/// </summary>
public sealed class VisitMonths(SalesDbContext db, ReportSql sql) : IReportSummary
{
    public string Name => "sales_visit_months";

    static readonly string[] KeyColumns = ["PipelineId", "Month", "StageId", "OwnerId", "PreviousEntryOn"];
    static readonly string[] SumColumns = ["Visits", "Finished", "Seconds"];

    /// <summary>What the visits of <paramref name="dealIds"/> add to the summary now; nothing for a deal in the recycle bin.</summary>
    public async Task<Counts> CountAsync(IReadOnlyCollection<int> dealIds, CancellationToken ct)
    {
        var counts = new Counts();
        foreach (var chunk in dealIds.Chunk(500))
        {
            var visits = await (from v in db.StageVisits.AsNoTracking()
                                join d in db.Deals on v.DealId equals d.Id
                                where chunk.Contains(v.DealId) && d.DeletedAtUtc == null
                                select new { v.PipelineId, v.StageId, v.OwnerId, v.EnteredAtUtc, v.PreviousEntryAtUtc, v.SecondsInStage }).ToListAsync(ct);
            foreach (var v in visits)
                counts.Add(new Key(v.PipelineId, v.EnteredAtUtc.Year * 100 + v.EnteredAtUtc.Month, v.StageId, v.OwnerId,
                    v.PreviousEntryAtUtc is { } previous ? DateOnly.FromDateTime(previous) : VisitMonth.FirstEntry), v.SecondsInStage);
        }
        return counts;
    }

    /// <summary>
    /// Counts the deals again after a change and adds the difference from <paramref name="before"/> to the summary; rows
    /// left with no visits go, so that the summary holds what counting it again would.
    /// </summary>
    public async Task UpdateAsync(Counts before, IReadOnlyCollection<int> dealIds, CancellationToken ct)
    {
        // In key order, so that two transactions changing the same rows on MariaDB take their locks in the same order.
        var changes = (await CountAsync(dealIds, ct)).Minus(before).OrderBy(c => c.Key.PipelineId).ThenBy(c => c.Key.Month).ThenBy(c => c.Key.StageId)
            .ThenBy(c => c.Key.OwnerId, StringComparer.Ordinal).ThenBy(c => c.Key.PreviousEntryOn).ToList();
        foreach (var chunk in changes.Chunk(200))
        {
            var p = new ReportSql.Parameters();
            var rows = chunk.Select(c => $"{KeyValues(c.Key, p)}, {p.Add(c.Value.Visits)}, {p.Add(c.Value.Finished)}, {p.Add(c.Value.Seconds)}");
            await sql.ExecuteAsync(sql.InsertOrAdd("sales_visit_months", KeyColumns, SumColumns, rows), p, ct);
        }
        foreach (var chunk in changes.Where(c => c.Value.Visits < 0).Chunk(100))
        {
            var p = new ReportSql.Parameters();
            var keys = chunk.Select(c => $"({string.Join(", ", KeyColumns)}) = ({KeyValues(c.Key, p)})");
            await sql.ExecuteAsync($"DELETE FROM sales_visit_months WHERE Visits = 0 AND ({string.Join(" OR ", keys)})", p, ct);
        }
    }

    static string KeyValues(Key key, ReportSql.Parameters p) =>
        string.Join(", ", p.Add(key.PipelineId), p.Add(key.Month), p.Add(key.StageId), p.Add(key.OwnerId), p.Add(Day(key.PreviousEntryOn)));

    /// <summary>A day as both databases compare it with a date column: yyyy-MM-dd, whatever the server's culture.</summary>
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async Task RebuildAsync(CancellationToken ct)
    {
        // One pass over every visit: minutes at several million, more than a request's default timeout.
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.VisitMonths.ExecuteDeleteAsync(ct);
        await sql.ExecuteAsync(CountAllSql(sql.IsSqlite), new ReportSql.Parameters(), ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Counts every visit of the deals outside the recycle bin into the summary, which must be empty.</summary>
    public static string CountAllSql(bool sqlite)
    {
        var month = ReportSql.YearMonth("v.EnteredAtUtc", sqlite);
        // The stored day's text on SQLite is the date's own format (yyyy-MM-dd), as EF writes a DateOnly.
        var previousEntryOn = $"COALESCE({(sqlite ? "date" : "DATE")}(v.PreviousEntryAtUtc), '{Day(VisitMonth.FirstEntry)}')";
        return $"""
            INSERT INTO sales_visit_months (PipelineId, Month, StageId, OwnerId, PreviousEntryOn, Visits, Finished, Seconds)
            SELECT v.PipelineId, {month}, v.StageId, v.OwnerId, {previousEntryOn}, COUNT(*), COUNT(v.SecondsInStage), COALESCE(SUM(v.SecondsInStage), 0)
            FROM sales_stage_visits v JOIN sales_deals d ON d.Id = v.DealId
            WHERE d.DeletedAtUtc IS NULL
            GROUP BY v.PipelineId, {month}, v.StageId, v.OwnerId, {previousEntryOn}
            """;
    }

    public readonly record struct Key(int PipelineId, int Month, int StageId, string OwnerId, DateOnly PreviousEntryOn);
    public readonly record struct Figures(int Visits, int Finished, long Seconds);

    /// <summary>Figures per summary row.</summary>
    public sealed class Counts : Dictionary<Key, Figures>
    {
        public void Add(Key key, long? secondsInStage)
        {
            var f = this.GetValueOrDefault(key);
            this[key] = new Figures(f.Visits + 1, f.Finished + (secondsInStage == null ? 0 : 1), f.Seconds + (secondsInStage ?? 0));
        }

        /// <summary>The rows where this differs from <paramref name="other"/>, as this less the other.</summary>
        public IEnumerable<KeyValuePair<Key, Figures>> Minus(Counts other) =>
            Keys.Union(other.Keys).Select(key =>
            {
                var (a, b) = (this.GetValueOrDefault(key), other.GetValueOrDefault(key));
                return KeyValuePair.Create(key, new Figures(a.Visits - b.Visits, a.Finished - b.Finished, a.Seconds - b.Seconds));
            }).Where(c => c.Value != default);
    }
}
