using Crm.Sdk.Api;
using Crm.Sdk.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace Crm.Sales.Plans;

/// <summary>/api/v1/sales/plans and /api/v1/sales/commission-rules: for heads of sales, within their scope.</summary>
public static class PlansApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var plans = api.MapGroup("/sales/plans").RequirePermission(Permissions.ManagePlans);
        plans.MapGet("/", async (int? year, PlanService service, TimeProvider time, IStringLocalizer<SalesModule> text, CancellationToken ct) =>
        {
            var y = year ?? time.GetUtcNow().Year;
            if (!PlanService.IsPlanYear(y)) return ApiProblems.Field("year", text["Plan.YearOutOfRange"]);
            return Results.Ok(await service.ListAsync(new DateOnly(y, 1, 1), new DateOnly(y, 12, 1), ct));
        });
        plans.MapGet("/progress", async (int? year, PlanService service, TimeProvider time, IStringLocalizer<SalesModule> text, CancellationToken ct) =>
        {
            var y = year ?? time.GetUtcNow().Year;
            if (!PlanService.IsPlanYear(y)) return ApiProblems.Field("year", text["Plan.YearOutOfRange"]);
            return Results.Ok(await service.ProgressAsync(new DateOnly(y, 1, 1), new DateOnly(y, 12, 1), ct));
        });
        plans.MapPut("/", async (PlanInput input, PlanService service, IStringLocalizer<SalesModule> text, CancellationToken ct) =>
            await service.SaveAsync(input, ct) is var saved && saved.Succeeded ? Results.Ok(new { id = saved.Id }) : ApiProblems.Failed(saved, text));

        var rules = api.MapGroup("/sales/commission-rules").RequirePermission(Permissions.ManagePlans);
        rules.MapGet("/", async (PlanService service, CancellationToken ct) => TypedResults.Ok(await service.RulesAsync(ct)));
        rules.MapPut("/", async (CommissionRuleInput input, PlanService service, IStringLocalizer<SalesModule> text, CancellationToken ct) =>
            await service.SaveRuleAsync(input, ct) is var saved && saved.Succeeded ? Results.Ok(new { id = saved.Id }) : ApiProblems.Failed(saved, text));
        rules.MapDelete("/{id:int}", async (int id, PlanService service, CancellationToken ct) =>
            await service.DeleteRuleAsync(id, ct) ? Results.NoContent() : Results.NotFound());
    }
}
