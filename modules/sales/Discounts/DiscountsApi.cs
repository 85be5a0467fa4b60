using Crm.Sdk.Api;
using Crm.Sdk.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace Crm.Sales.Discounts;

/// <summary>/api/v1/sales/discount-limits (administrators) and /api/v1/sales/approvals (heads of the deal owner's team, and administrators).</summary>
public static class DiscountsApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var limits = api.MapGroup("/sales/discount-limits").RequirePermission(Permissions.ManageDiscounts);
        limits.MapGet("/", async (DiscountPolicy policy, CancellationToken ct) => TypedResults.Ok(await policy.LimitsAsync(ct)));
        limits.MapPut("/", async (List<DiscountLimitView?> input, DiscountPolicy policy, IStringLocalizer<SalesModule> text, CancellationToken ct) =>
            await policy.SaveAsync(input, ct) is var saved && saved.Succeeded ? Results.NoContent() : ApiProblems.Failed(saved, text));

        // Heads of teams decide their members' discounts with or without the permission: the service says who may.
        var approvals = api.MapGroup("/sales/approvals").RequireAuthorization();
        approvals.MapGet("/", async (DiscountApprovals service, CancellationToken ct) =>
            await service.MayApproveAsync(ct) ? Results.Ok(await service.PendingAsync(ct)) : Results.StatusCode(StatusCodes.Status403Forbidden));
        approvals.MapPost("/{lineId:int}", async (int lineId, ApprovalDecision decision, DiscountApprovals service, IStringLocalizer<SalesModule> text,
            CancellationToken ct) =>
            !await service.MayApproveAsync(ct) ? Results.StatusCode(StatusCodes.Status403Forbidden)
            : await service.DecideAsync(lineId, decision, ct) is var saved && saved.Succeeded ? Results.NoContent() : ApiProblems.Failed(saved, text));
    }
}
