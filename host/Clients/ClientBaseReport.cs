using Crm.Host.Data;
using Crm.Host.Hosting;
using Crm.Host.Security;
using Crm.Sdk.Security;
using Microsoft.EntityFrameworkCore;

namespace Crm.Host.Clients;

/// <summary>One bar of a chart: a label and a count.</summary>
public sealed record ReportBar(string Label, int Count);

/// <summary>The client base for leadership: growth, new clients per month, statuses, why clients were lost, and where they are.</summary>
public sealed record ClientBaseFigures(
    int Total, IReadOnlyList<ReportBar> NewPerMonth, IReadOnlyList<ReportBar> TotalOverTime, IReadOnlyList<ReportBar> ByStatus,
    IReadOnlyList<ReportBar> LostReasons, IReadOnlyList<ReportBar> ByManager, IReadOnlyList<ReportBar> ByTerritory, IReadOnlyList<ReportBar> ByIndustry);

/// <summary>Counts over the companies within the user's scope, from one read of the few columns the figures need.</summary>
public sealed class ClientBaseReport(CoreDbContext db, CurrentUser user, CompanyClock clock)
{
    public const int Months = 12;

    public async Task<ClientBaseFigures> BuildAsync(CancellationToken ct)
    {
        var companies = db.Companies.AsNoTracking().Where(c => c.DeletedAtUtc == null).WithinScope(user, CorePermissions.ViewClients, c => c.OwnerId);
        var localNow = clock.ToLocal(clock.UtcNow);
        var firstMonth = new DateTime(localNow.Year, localNow.Month, 1).AddMonths(-(Months - 1));
        var since = clock.ToUtc(firstMonth);

        // One pass over the covering index IX_core_companies_Report, counted here: eight grouped queries each read every
        // company again (2.3 s at 50k companies, bench/RESULTS.md).
        var rows = await companies.Select(c => new Row(c.Status, c.OwnerId, c.Territory, c.Industry, c.LossReason, c.CreatedAtUtc)).ToListAsync(ct);
        var before = rows.Count(r => r.CreatedAtUtc < since);
        var created = rows.Where(r => r.CreatedAtUtc >= since).Select(r => clock.ToLocal(r.CreatedAtUtc)).ToList();
        var perMonth = Enumerable.Range(0, Months).Select(i => firstMonth.AddMonths(i))
            .Select(month => new ReportBar(month.ToString("yyyy-MM"), created.Count(local => local.Year == month.Year && local.Month == month.Month)))
            .ToList();
        var running = before;
        var overTime = perMonth.Select(m => new ReportBar(m.Label, running += m.Count)).ToList();

        static List<ReportBar> Top(IEnumerable<string?> keys, string none) =>
            keys.GroupBy(k => k).Select(g => (g.Key, Count: g.Count())).OrderByDescending(g => g.Count).ThenBy(g => g.Key, StringComparer.Ordinal).Take(10)
                .Select(g => new ReportBar(string.IsNullOrEmpty(g.Key) ? none : g.Key, g.Count)).ToList();

        var byStatus = rows.GroupBy(r => r.Status).OrderBy(g => g.Key).Select(g => new ReportBar(g.Key.ToString(), g.Count())).ToList();
        var byManagerIds = Top(rows.Select(r => (string?)r.OwnerId), "—");
        var names = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return new ClientBaseFigures(rows.Count, perMonth, overTime, byStatus,
            Top(rows.Where(r => r.Status == CompanyStatus.Lost).Select(r => r.LossReason), "—"),
            byManagerIds.Select(b => b with { Label = names.GetValueOrDefault(b.Label, b.Label) }).ToList(),
            Top(rows.Select(r => r.Territory), "—"),
            Top(rows.Select(r => r.Industry), "—"));
    }

    sealed record Row(CompanyStatus Status, string OwnerId, string? Territory, string? Industry, string? LossReason, DateTime CreatedAtUtc);
}
