using Crm.Sales.Data;
using Crm.Sales.Deals;
using Crm.Sdk.Security;
using Microsoft.EntityFrameworkCore;

namespace Crm.Sales.Reports;

/// <summary>Open deals expected to close in a month (null: no date given): their amount and the amount weighted by stage probability.</summary>
public sealed record ForecastMonth(DateOnly? Month, int Deals, decimal Amount, decimal Weighted);

public sealed record Forecast(ReportPeriod Period, string Currency, IReadOnlyList<ForecastMonth> Months, decimal Amount, decimal Weighted);

/// <summary>The open pipeline by expected close month within the period, weighted by the probability of each deal's stage.</summary>
public sealed class ForecastReport(SalesDbContext db, ICurrentUser user) : ICurrencyReport<Forecast>
{
    public async Task<Forecast> BuildAsync(ReportPeriod period, string currency, CancellationToken ct)
    {
        var (from, to) = (period.From, period.To);
        var groups = await db.Deals.AsNoTracking().Where(d => d.DeletedAtUtc == null).WithinScope(user, Permissions.ViewDeals, d => d.OwnerId)
            .Where(d => d.Status == DealStatus.Open && d.Currency == currency && (d.ExpectedCloseOn == null || (d.ExpectedCloseOn >= from && d.ExpectedCloseOn <= to)))
            .GroupBy(d => new { d.ExpectedCloseOn, d.StageId })
            .Select(g => new { g.Key.ExpectedCloseOn, g.Key.StageId, Count = g.Count(), Amount = g.Sum(d => d.Amount) })
            .ToListAsync(ct);
        var stageIds = groups.Select(g => g.StageId).Distinct().ToList();
        var probability = await db.Stages.AsNoTracking().Where(s => stageIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Probability, ct);
        var months = groups
            .GroupBy(g => g.ExpectedCloseOn is { } date ? new DateOnly(date.Year, date.Month, 1) : (DateOnly?)null)
            .Select(m => new ForecastMonth(m.Key, m.Sum(g => g.Count), m.Sum(g => g.Amount),
                Math.Round(m.Sum(g => g.Amount * probability.GetValueOrDefault(g.StageId) / 100m), 2, MidpointRounding.AwayFromZero)))
            .OrderBy(m => m.Month == null).ThenBy(m => m.Month).ToList();
        return new Forecast(period, currency, months, months.Sum(m => m.Amount), months.Sum(m => m.Weighted));
    }
}
