using Crm.Sales.Data;
using Crm.Sales.Deals;
using Crm.Sdk.Clients;
using Crm.Sdk.Security;
using Microsoft.EntityFrameworkCore;

namespace Crm.Sales.Reports;

/// <summary>A client or product with its revenue, its share, the cumulative share of those before it and its class.</summary>
public sealed record AbcRow(string Name, decimal Revenue, decimal SharePercent, decimal CumulativePercent, string Class);

public sealed record AbcFigures(ReportPeriod Period, string Currency, decimal ThresholdA, decimal ThresholdB, IReadOnlyList<AbcRow> Clients,
    IReadOnlyList<AbcRow> Products);

/// <summary>
/// ABC analysis of clients and of products by their share of won deals' revenue in the period. Sorted by revenue, an
/// item is A while the share of the items before it is below the A threshold (setting abc.a), B below abc.b, else C —
/// so the largest item is always A. Products' revenue is their lines' totals after discount.
/// </summary>
public sealed class AbcReport(SalesDbContext db, ReportSql sql, ICurrentUser user, IClientDirectory clients, SalesSettings settings) : ICurrencyReport<AbcFigures>
{
    public async Task<AbcFigures> BuildAsync(ReportPeriod period, string currency, CancellationToken ct)
    {
        var a = await settings.NumberAsync(Settings.AbcThresholdA, ct);
        var b = Math.Max(a, await settings.NumberAsync(Settings.AbcThresholdB, ct));
        var (from, to) = (period.FromUtc, period.ToUtc);
        var byClient = await db.Deals.AsNoTracking().Where(d => d.DeletedAtUtc == null).WithinScope(user, Permissions.ViewDeals, d => d.OwnerId)
            .Where(d => d.Status == DealStatus.Won && d.ClosedAtUtc >= from && d.ClosedAtUtc < to && d.Currency == currency
                        && (d.CompanyId != null || d.ContactId != null))
            .GroupBy(d => new { d.CompanyId, ContactId = d.CompanyId == null ? d.ContactId : null })
            .Select(g => new { g.Key.CompanyId, g.Key.ContactId, Revenue = g.Sum(d => d.Amount) }).ToListAsync(ct);
        var refs = byClient.Select(c => c.CompanyId is { } company ? new ClientRef(ClientKind.Company, company) : new ClientRef(ClientKind.Contact, c.ContactId!.Value)).ToList();
        var names = await clients.DescribeAsync(refs, ct);
        var clientRows = byClient.Zip(refs, (c, r) => (Name: names.TryGetValue(r, out var s) ? s.Name : $"#{r.Id}", c.Revenue));

        var p = new ReportSql.Parameters();
        var scope = ReportScope.Of(user);
        var text = $"""
            SELECT l.ProductId, SUM({sql.Exact("l.Quantity")} * l.UnitPrice * (10000 - l.DiscountPercent))
            FROM sales_deal_lines l JOIN sales_deals d ON d.Id = l.DealId
            WHERE d.Status = {(int)DealStatus.Won} AND d.ClosedAtUtc >= {p.Add(from)} AND d.ClosedAtUtc < {p.Add(to)} AND d.Currency = {p.Add(currency)}
              AND d.DeletedAtUtc IS NULL AND l.ProductId IS NOT NULL AND {scope.Sql("d.OwnerId", p)}
            GROUP BY l.ProductId
            """;
        // Quantity in thousandths × price in hundredths × (100% − discount) in hundredths of a percent.
        var byProduct = await sql.QueryAsync(text, p, r => (Id: r.GetInt32(0), Revenue: Math.Round(Convert.ToDecimal(r.GetValue(1)) / 1_000_000_000m, 2)), ct);
        var productIds = byProduct.Select(x => x.Id).ToList();
        var products = await db.Products.AsNoTracking().Where(x => productIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name, ct);

        return new AbcFigures(period, currency, a, b, Classify(clientRows, a, b),
            Classify(byProduct.Select(x => (Name: products.GetValueOrDefault(x.Id, $"#{x.Id}"), x.Revenue)), a, b));
    }

    static List<AbcRow> Classify(IEnumerable<(string Name, decimal Revenue)> items, decimal a, decimal b)
    {
        var sorted = items.Where(i => i.Revenue > 0).OrderByDescending(i => i.Revenue).ThenBy(i => i.Name).ToList();
        var total = sorted.Sum(i => i.Revenue);
        var rows = new List<AbcRow>();
        var before = 0m;
        foreach (var (name, revenue) in sorted)
        {
            var share = 100m * revenue / total;
            rows.Add(new AbcRow(name, revenue, Math.Round(share, 2, MidpointRounding.AwayFromZero),
                Math.Round(before + share, 2, MidpointRounding.AwayFromZero), before < a ? "A" : before < b ? "B" : "C"));
            before += share;
        }
        return rows;
    }
}
