using Crm.Sales.Data;
using Crm.Sdk.Clients;
using Microsoft.EntityFrameworkCore;

namespace Crm.Sales.Deals;

/// <summary>When two duplicate clients are merged, the duplicate's deals move to the client kept.</summary>
public sealed class DealsMerge(SalesDbContext db) : IClientMergeParticipant
{
    public async Task<int> MergeAsync(ClientRef from, ClientRef into, CancellationToken ct)
    {
        var deals = from.Kind == ClientKind.Company
            ? await db.Deals.Where(d => d.CompanyId == from.Id).ToListAsync(ct)
            : await db.Deals.Where(d => d.ContactId == from.Id).ToListAsync(ct);
        foreach (var deal in deals)
        {
            if (from.Kind == ClientKind.Company) deal.CompanyId = into.Id;
            else deal.ContactId = into.Id;
            deal.Version++;
        }
        await db.SaveChangesAsync(ct);
        return deals.Count;
    }
}
