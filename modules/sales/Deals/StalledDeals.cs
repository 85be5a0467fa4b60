using Crm.Sales.Data;
using Crm.Sales.Pipelines;
using Crm.Sdk.Clients;
using Crm.Sdk.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Crm.Sales.Deals;

/// <summary>
/// Every hour: an open deal that has stayed in its stage longer than the stage's norm gets a task for its owner to move
/// it on, once (no second task while the first is open).
/// </summary>
public sealed class StalledDeals(SalesDbContext db, IClientTasks tasks, TimeProvider time, IStringLocalizer<SalesModule> text) : IRecurringJob
{
    const int Batch = 500;

    public TimeSpan Interval => TimeSpan.FromHours(1);

    public static bool IsStalled(Deal deal, int? normDays, DateTime nowUtc) =>
        deal.Status == DealStatus.Open && normDays is { } norm && deal.StageEnteredAtUtc.AddDays(norm) < nowUtc;

    public async Task RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var stages = await db.Stages.AsNoTracking().Where(s => s.Kind == StageKind.Open && s.NormDays != null && !s.IsArchived).ToListAsync(ct);
        foreach (var stage in stages)
        {
            var enteredBefore = now.AddDays(-stage.NormDays!.Value);
            var lastId = 0;
            while (true)
            {
                var deals = await db.Deals.AsNoTracking()
                    .Where(d => d.StageId == stage.Id && d.Status == DealStatus.Open && d.DeletedAtUtc == null && d.StageEnteredAtUtc < enteredBefore && d.Id > lastId)
                    .OrderBy(d => d.Id).Take(Batch).ToListAsync(ct);
                if (deals.Count == 0) break;
                lastId = deals[^1].Id;
                foreach (var deal in deals)
                {
                    var record = deal.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    if (await tasks.HasOpenTaskAsync(SalesSettings.ModuleId, record, ct)) continue;
                    await tasks.CreateAsync(new ModuleTask(
                        string.Format(text["Task.Stalled"].Value, deal.Title, stage.Name), deal.OwnerId, now, DealService.ClientOf(deal),
                        new RecordLink(SalesSettings.ModuleId, record, deal.Title, $"/Sales/Deals/{deal.Id}")), ct);
                }
            }
        }
    }
}
