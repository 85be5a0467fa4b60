using Crm.Sdk.Api;
using Crm.Sdk.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace Crm.Sales.Deals;

/// <summary>/api/v1/sales/deals: list, read, create, change, move between stages, delete — all within the caller's scope.</summary>
public static class DealsApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var deals = api.MapGroup("/sales/deals").RequirePermission(Permissions.ViewDeals);
        deals.MapGet("/", async ([AsParameters] DealQuery query, DealService service, CancellationToken ct) =>
            TypedResults.Ok(await service.ListAsync(query.ToFilter(), ct)));
        deals.MapGet("/{id:int}", async (int id, DealService service, CancellationToken ct) =>
            await service.FindAsync(id, ct) is { } deal ? Results.Ok(deal) : Results.NotFound());
        deals.MapGet("/board", async (int? pipelineId, string? ownerId, DealService service, CancellationToken ct) =>
            await service.BoardAsync(pipelineId, ownerId, 200, ct) is { } board ? Results.Ok(board) : Results.NotFound());
        deals.MapPost("/", async (DealInput input, DealService service, IStringLocalizer<SalesModule> text, CancellationToken ct) =>
            await service.CreateAsync(input, ct) is var saved && saved.Succeeded
                ? Results.Created($"/api/v1/sales/deals/{saved.Id}", new { id = saved.Id })
                : ApiProblems.Failed(saved, text)).RequirePermission(Permissions.EditDeals);
        deals.MapPut("/{id:int}", async (int id, DealInput input, DealService service, IStringLocalizer<SalesModule> text, CancellationToken ct) =>
            await service.UpdateAsync(id, input, ct) is var saved && saved.Succeeded ? Results.NoContent() : ApiProblems.Failed(saved, text))
            .RequirePermission(Permissions.EditDeals);
        deals.MapPost("/{id:int}/move", async (int id, MoveInput input, DealService service, IStringLocalizer<SalesModule> text, CancellationToken ct) =>
            await service.MoveAsync(id, input, ct) is var saved && saved.Succeeded ? Results.NoContent() : ApiProblems.Failed(saved, text))
            .RequirePermission(Permissions.EditDeals);
        deals.MapDelete("/{id:int}", async (int id, DealService service, CancellationToken ct) =>
            await service.DeleteAsync(id, ct) ? Results.NoContent() : Results.NotFound()).RequirePermission(Permissions.EditDeals);
    }
}

/// <summary>The query string of the deal list.</summary>
public sealed record DealQuery(int? PipelineId, int? StageId, DealStatus? Status, string? OwnerId, int? CompanyId, int? ContactId, string? Search,
    DealSort? Sort, string? After, int? Limit)
{
    public DealFilter ToFilter() => new(PipelineId, StageId, Status, OwnerId, CompanyId, ContactId, Search, Sort ?? DealSort.Updated, After, Limit ?? 50);
}
