using Crm.Sales.Data;
using Crm.Sdk.Clients;
using Crm.Sdk.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Crm.Sales.Deals;

/// <summary>Puts a client's deals on its timeline: when each was opened and when it was won or lost.</summary>
public sealed class DealsOnTimeline(SalesDbContext db, ICurrentUser user, IStringLocalizer<SalesModule> text) : ITimelineSource
{
    public async Task<IReadOnlyList<TimelineEntry>> ForClientAsync(ClientRef client, int limit, CancellationToken ct)
    {
        if (!user.HasPermission(Permissions.ViewDeals)) return [];
        var query = db.Deals.AsNoTracking().Where(d => d.DeletedAtUtc == null).WithinScope(user, Permissions.ViewDeals, d => d.OwnerId);
        query = client.Kind == ClientKind.Company ? query.Where(d => d.CompanyId == client.Id) : query.Where(d => d.ContactId == client.Id);
        var deals = await query.OrderByDescending(d => d.CreatedAtUtc).Take(limit)
            .Select(d => new { d.Id, d.Title, d.Status, d.Amount, d.Currency, d.CreatedAtUtc, d.ClosedAtUtc }).ToListAsync(ct);
        var entries = new List<TimelineEntry>();
        foreach (var d in deals)
        {
            var url = $"/Sales/Deals/{d.Id}";
            var amount = $"{d.Amount:N2} {d.Currency}";
            entries.Add(new TimelineEntry(d.CreatedAtUtc, text["Timeline.Deal"], string.Format(text["Timeline.DealOpened"].Value, d.Title), amount, url));
            if (d.ClosedAtUtc is { } closed)
                entries.Add(new TimelineEntry(closed, text["Timeline.Deal"],
                    string.Format(text[d.Status == DealStatus.Won ? "Timeline.DealWon" : "Timeline.DealLost"].Value, d.Title), amount, url));
        }
        return entries.OrderByDescending(e => e.AtUtc).Take(limit).ToList();
    }
}
