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

/// <summary>Counts over the companies within the user's scope, each figure one grouped query.</summary>
public sealed class ClientBaseReport(CoreDbContext db, CurrentUser user, CompanyClock clock)
{
    public const int Months = 12;

    public async Task<ClientBaseFigures> BuildAsync(CancellationToken ct)
    {
        var companies = db.Companies.AsNoTracking().Where(c => c.DeletedAtUtc == null).WithinScope(user, CorePermissions.ViewClients, c => c.OwnerId);
        var localNow = clock.ToLocal(clock.UtcNow);
        var firstMonth = new DateTime(localNow.Year, localNow.Month, 1).AddMonths(-(Months - 1));
        var since = clock.ToUtc(firstMonth);

        var total = await companies.CountAsync(ct);
        var before = await companies.CountAsync(c => c.CreatedAtUtc < since, ct);
        var created = await companies.Where(c => c.CreatedAtUtc >= since).Select(c => c.CreatedAtUtc).ToListAsync(ct);
        var perMonth = Enumerable.Range(0, Months).Select(i => firstMonth.AddMonths(i))
            .Select(month => new ReportBar(month.ToString("yyyy-MM"), created.Count(c =>
            {
                var local = clock.ToLocal(c);
                return local.Year == month.Year && local.Month == month.Month;
            }))).ToList();
        var running = before;
        var overTime = perMonth.Select(m => new ReportBar(m.Label, running += m.Count)).ToList();

        async Task<List<ReportBar>> Top(IQueryable<string?> keys, string none) =>
            (await keys.GroupBy(k => k).Select(g => new { g.Key, Count = g.Count() }).OrderByDescending(g => g.Count).Take(10).ToListAsync(ct))
                .Select(g => new ReportBar(string.IsNullOrEmpty(g.Key) ? none : g.Key, g.Count)).ToList();

        var byStatus = (await companies.GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .OrderBy(g => g.Key).Select(g => new ReportBar(g.Key.ToString(), g.Count)).ToList();
        var byManagerIds = await Top(companies.Select(c => (string?)c.OwnerId), "—");
        var names = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return new ClientBaseFigures(total, perMonth, overTime, byStatus,
            await Top(companies.Where(c => c.Status == CompanyStatus.Lost).Select(c => c.LossReason), "—"),
            byManagerIds.Select(b => b with { Label = names.GetValueOrDefault(b.Label, b.Label) }).ToList(),
            await Top(companies.Select(c => c.Territory), "—"),
            await Top(companies.Select(c => c.Industry), "—"));
    }
}
