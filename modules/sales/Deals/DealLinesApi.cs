using Crm.Sdk.Api;
using Crm.Sdk.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace Crm.Sales.Deals;

/// <summary>/api/v1/sales/deals/{id}/lines: a deal's lines, read and changed within the caller's scope; each change answers with the deal's new version.</summary>
public static class DealLinesApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var lines = api.MapGroup("/sales/deals/{dealId:int}/lines").RequirePermission(Permissions.ViewDeals);
        lines.MapGet("/", async (int dealId, DealLineService service, CancellationToken ct) =>
            await service.ListAsync(dealId, ct) is { } found ? Results.Ok(found) : Results.NotFound());
        lines.MapPost("/", async (int dealId, DealLineInput input, DealLineService service, IStringLocalizer<SalesModule> text, CancellationToken ct) =>
            await service.AddAsync(dealId, input, ct) is var saved && saved.Succeeded
                ? Results.Created($"/api/v1/sales/deals/{dealId}/lines/{saved.Id}", new { id = saved.Id })
                : ApiProblems.Failed(saved, text)).RequirePermission(Permissions.EditDeals);
        lines.MapPut("/{lineId:int}", async (int dealId, int lineId, DealLineInput input, DealLineService service, IStringLocalizer<SalesModule> text,
            CancellationToken ct) =>
            await service.UpdateAsync(dealId, lineId, input, ct) is var saved && saved.Succeeded ? Results.NoContent() : ApiProblems.Failed(saved, text))
            .RequirePermission(Permissions.EditDeals);
        lines.MapDelete("/{lineId:int}", async (int dealId, int lineId, int? version, DealLineService service, IStringLocalizer<SalesModule> text,
            CancellationToken ct) =>
            await service.RemoveAsync(dealId, lineId, version, ct) is var saved && saved.Succeeded ? Results.NoContent() : ApiProblems.Failed(saved, text))
            .RequirePermission(Permissions.EditDeals);
    }
}
