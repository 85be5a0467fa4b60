using Crm.Sales.Data;
using Crm.Sdk.Clients;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Crm.Sales.Deals;

/// <summary>
/// Deleting a client for good: a live deal of the client stands in the way (it is sales history and may carry issued
/// documents; whoever purges must first delete it or move it to another client). Deleted deals of the client go with
/// it, with their lines, stage history and documents; a deal with a company keeps the company and only loses the
/// purged contact.
/// </summary>
public sealed class DealsPurge(SalesDbContext db, IStringLocalizer<SalesModule> text) : IClientPurgeParticipant
{
    public async Task<string?> RefusalAsync(ClientRef client, CancellationToken ct)
    {
        var live = await OnlyAbout(client).CountAsync(d => d.DeletedAtUtc == null, ct);
        return live == 0 ? null : text["Deal.PurgeRefused", live].Value;
    }

    public async Task<int> PurgeAsync(ClientRef client, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var deals = await OnlyAbout(client).Where(d => d.DeletedAtUtc != null).ToListAsync(ct);
        var ids = deals.Select(d => d.Id).ToList();
        foreach (var chunk in ids.Chunk(500))
        {
            await db.Documents.Where(d => chunk.Contains(d.DealId)).ExecuteDeleteAsync(ct);
            await db.DealLines.Where(l => chunk.Contains(l.DealId)).ExecuteDeleteAsync(ct);
            await db.StageVisits.Where(v => chunk.Contains(v.DealId)).ExecuteDeleteAsync(ct);
        }
        db.Deals.RemoveRange(deals); // through the tracker: the audit records each deal's deletion
        var detached = client.Kind == ClientKind.Contact
            ? await db.Deals.Where(d => d.ContactId == client.Id && d.CompanyId != null).ToListAsync(ct)
            : [];
        foreach (var deal in detached)
        {
            deal.ContactId = null;
            deal.Version++;
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return deals.Count + detached.Count;
    }

    /// <summary>The deals that exist only for the client: a company's, or a contact's without a company.</summary>
    IQueryable<Deal> OnlyAbout(ClientRef client) =>
        client.Kind == ClientKind.Company
            ? db.Deals.Where(d => d.CompanyId == client.Id)
            : db.Deals.Where(d => d.ContactId == client.Id && d.CompanyId == null);
}
