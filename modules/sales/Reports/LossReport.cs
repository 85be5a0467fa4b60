using Crm.Sales.Data;
using Crm.Sales.Deals;
using Crm.Sdk.Security;
using Microsoft.EntityFrameworkCore;

namespace Crm.Sales.Reports;

/// <summary>Lost deals of one group: how many, and their amount in the report's currency.</summary>
public sealed record LossRow(string Name, int Deals, decimal Amount);

public sealed record LossFigures(ReportPeriod Period, string Currency, IReadOnlyList<LossRow> ByReason, IReadOnlyList<LossRow> ByStage,
    IReadOnlyList<LossRow> ByManager);

/// <summary>
/// Deals lost in the period by reason, by the stage they were lost at (the stage whose visit ended when the deal
/// closed), and by manager.
/// </summary>
public sealed class LossReport(SalesDbContext db, ICurrentUser user, Crm.Sdk.Security.IUserDirectory users) : ICurrencyReport<LossFigures>
{
    public async Task<LossFigures> BuildAsync(ReportPeriod period, string currency, CancellationToken ct)
    {
        var (from, to) = (period.FromUtc, period.ToUtc);
        var lost = db.Deals.AsNoTracking().Where(d => d.DeletedAtUtc == null).WithinScope(user, Permissions.ViewDeals, d => d.OwnerId)
            .Where(d => d.Status == DealStatus.Lost && d.ClosedAtUtc >= from && d.ClosedAtUtc < to);

        var byReason = await lost.GroupBy(d => d.LossReasonId)
            .Select(g => new { g.Key, Count = g.Count(), Amount = g.Where(d => d.Currency == currency).Sum(d => d.Amount) }).ToListAsync(ct);
        var reasons = await db.LossReasons.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name, ct);

        var byStage = await (from d in lost
                             join v in db.StageVisits on d.Id equals v.DealId
                             where v.LeftAtUtc == d.ClosedAtUtc && v.StageId != d.StageId
                             group d by v.StageId into g
                             select new { g.Key, Count = g.Count(), Amount = g.Where(d => d.Currency == currency).Sum(d => d.Amount) }).ToListAsync(ct);
        var stageIds = byStage.Select(s => s.Key).ToList();
        var stages = await db.Stages.AsNoTracking().Where(s => stageIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => (s.Name, s.SortOrder), ct);

        var byOwner = await lost.GroupBy(d => d.OwnerId)
            .Select(g => new { g.Key, Count = g.Count(), Amount = g.Where(d => d.Currency == currency).Sum(d => d.Amount) }).ToListAsync(ct);
        var names = await users.FindAsync(byOwner.Select(o => o.Key), ct);

        return new LossFigures(period, currency,
            byReason.Select(r => new LossRow(r.Key is { } id ? reasons.GetValueOrDefault(id, "") : "—", r.Count, r.Amount)).OrderByDescending(r => r.Deals).ThenBy(r => r.Name).ToList(),
            byStage.OrderBy(s => stages[s.Key].SortOrder).Select(s => new LossRow(stages[s.Key].Name, s.Count, s.Amount)).ToList(),
            byOwner.Select(o => new LossRow(names.TryGetValue(o.Key, out var u) ? u.Name : o.Key, o.Count, o.Amount)).OrderByDescending(r => r.Deals).ThenBy(r => r.Name).ToList());
    }
}
