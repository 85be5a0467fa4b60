using Crm.Sales.Data;
using Crm.Sales.Deals;
using Crm.Sdk.Security;
using Microsoft.EntityFrameworkCore;

namespace Crm.Sales.Reports;

/// <summary>Won revenue of a month from new clients (their first won deal ever) and from repeat clients.</summary>
public sealed record ClientRevenueMonth(DateOnly Month, int NewDeals, decimal NewRevenue, int RepeatDeals, decimal RepeatRevenue);

public sealed record ClientRevenue(ReportPeriod Period, string Currency, IReadOnlyList<ClientRevenueMonth> Months, decimal NewRevenue,
    decimal RepeatRevenue);

/// <summary>
/// New against repeat clients' revenue: a won deal is a new client's when no earlier won deal of the same client (the
/// company, else the contact) exists, whoever owns it; a deal without a client counts as new.
/// </summary>
public sealed class ClientRevenueReport(SalesDbContext db, ICurrentUser user) : ICurrencyReport<ClientRevenue>
{
    public async Task<ClientRevenue> BuildAsync(ReportPeriod period, string currency, CancellationToken ct)
    {
        var (from, to) = (period.FromUtc, period.ToUtc);
        var earlierWins = db.Deals.Where(e => e.Status == DealStatus.Won && e.DeletedAtUtc == null);
        var rows = await db.Deals.AsNoTracking().Where(d => d.DeletedAtUtc == null).WithinScope(user, Permissions.ViewDeals, d => d.OwnerId)
            .Where(d => d.Status == DealStatus.Won && d.ClosedAtUtc >= from && d.ClosedAtUtc < to && d.Currency == currency)
            .Select(d => new
            {
                d.ClosedAtUtc!.Value.Year, d.ClosedAtUtc!.Value.Month, d.Amount,
                Repeat = earlierWins.Any(e => e.Id != d.Id
                    && ((d.CompanyId != null && e.CompanyId == d.CompanyId) || (d.CompanyId == null && d.ContactId != null && e.CompanyId == null && e.ContactId == d.ContactId))
                    && (e.ClosedAtUtc < d.ClosedAtUtc || (e.ClosedAtUtc == d.ClosedAtUtc && e.Id < d.Id))),
            })
            .GroupBy(x => new { x.Year, x.Month, x.Repeat })
            .Select(g => new { g.Key.Year, g.Key.Month, g.Key.Repeat, Count = g.Count(), Amount = g.Sum(x => x.Amount) })
            .ToListAsync(ct);
        var months = rows.GroupBy(r => new DateOnly(r.Year, r.Month, 1)).OrderBy(g => g.Key)
            .Select(g => new ClientRevenueMonth(g.Key,
                g.Where(r => !r.Repeat).Sum(r => r.Count), g.Where(r => !r.Repeat).Sum(r => r.Amount),
                g.Where(r => r.Repeat).Sum(r => r.Count), g.Where(r => r.Repeat).Sum(r => r.Amount)))
            .ToList();
        return new ClientRevenue(period, currency, months, months.Sum(m => m.NewRevenue), months.Sum(m => m.RepeatRevenue));
    }
}
