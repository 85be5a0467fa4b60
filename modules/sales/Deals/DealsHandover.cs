using Crm.Sales.Data;
using Crm.Sales.Reports;
using Crm.Sdk.Clients;
using Microsoft.EntityFrameworkCore;

namespace Crm.Sales.Deals;

/// <summary>
/// A leaving employee's deals (open and closed) go to whoever now owns the deal's client, else the default successor; their
/// stage visits follow, with the funnel's monthly counts, so that the new owner's reports count them.
/// </summary>
public sealed class DealsHandover(SalesDbContext db, VisitMonths visitMonths) : IHandoverParticipant
{
    public async Task<IReadOnlyList<HandoverItem>> HandOverAsync(IHandoverPlan plan, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var deals = await db.Deals.Where(d => d.OwnerId == plan.FromUserId && d.DeletedAtUtc == null).ToListAsync(ct);
        var ids = deals.Select(d => d.Id).ToList();
        var counted = await visitMonths.CountAsync(ids, ct);
        foreach (var deal in deals)
        {
            deal.OwnerId = plan.SuccessorFor(DealService.ClientOf(deal));
            deal.Version++;
        }
        await db.SaveChangesAsync(ct);
        await StageVisit.FollowOwnersAsync(db.StageVisits, deals.ToDictionary(d => d.Id, d => d.OwnerId), ct);
        await visitMonths.UpdateAsync(counted, ids, ct);
        await transaction.CommitAsync(ct);
        return deals.Select(d => new HandoverItem("Deal", d.Title, d.OwnerId)).ToList();
    }
}
