using Crm.Sdk.Clients;
using Microsoft.AspNetCore.Mvc;

namespace Crm.Sales.Deals;

/// <summary>The panel on a client's card: the client's deals, open ones first, and a link to open a new one.</summary>
public sealed class ClientDeals(DealService deals) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(ClientRef client)
    {
        var filter = client.Kind == ClientKind.Company ? new DealFilter(CompanyId: client.Id, Limit: 20) : new DealFilter(ContactId: client.Id, Limit: 20);
        var page = await deals.ListAsync(filter, HttpContext.RequestAborted);
        return View("~/Pages/Sales/Deals/_ClientDeals.cshtml",
            new ClientDealsPanel(client, page.Rows.OrderBy(r => r.Status != DealStatus.Open).ThenByDescending(r => r.UpdatedAtUtc).ToList()));
    }
}

/// <summary>What the client card's deals panel shows.</summary>
public sealed record ClientDealsPanel(ClientRef Client, IReadOnlyList<DealRow> Deals);
