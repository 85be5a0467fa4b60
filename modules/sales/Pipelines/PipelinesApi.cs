using Crm.Sdk.Api;
using Crm.Sdk.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace Crm.Sales.Pipelines;

public sealed record LossReasonRequest(string? Name, bool IsArchived = false);

/// <summary>/api/v1/sales/pipelines and /api/v1/sales/loss-reasons: read by everyone who works deals, changed by administrators.</summary>
public static class PipelinesApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var pipelines = api.MapGroup("/sales/pipelines").RequirePermission(Permissions.ViewDeals);
        pipelines.MapGet("/", async (PipelineService service, CancellationToken ct) => TypedResults.Ok(await service.ListAsync(false, ct)));
        pipelines.MapGet("/{id:int}", async (int id, PipelineService service, CancellationToken ct) =>
            await service.FindAsync(id, ct) is { } pipeline ? Results.Ok(pipeline) : Results.NotFound());
        pipelines.MapPost("/", async (PipelineInput input, PipelineService service, IStringLocalizer<SalesModule> text, CancellationToken ct) =>
            await service.CreateAsync(input, ct) is var saved && saved.Succeeded
                ? Results.Created($"/api/v1/sales/pipelines/{saved.Id}", new { id = saved.Id })
                : ApiProblems.Failed(saved, text)).RequirePermission(Permissions.ManagePipelines);
        pipelines.MapPut("/{id:int}", async (int id, PipelineInput input, PipelineService service, IStringLocalizer<SalesModule> text, CancellationToken ct) =>
            await service.UpdateAsync(id, input, ct) is var saved && saved.Succeeded ? Results.NoContent() : ApiProblems.Failed(saved, text))
            .RequirePermission(Permissions.ManagePipelines);

        var reasons = api.MapGroup("/sales/loss-reasons").RequirePermission(Permissions.ViewDeals);
        reasons.MapGet("/", async (PipelineService service, CancellationToken ct) => TypedResults.Ok(await service.LossReasonsAsync(false, ct)));
        reasons.MapPost("/", async (LossReasonRequest input, PipelineService service, IStringLocalizer<SalesModule> text, CancellationToken ct) =>
            await service.SaveLossReasonAsync(null, input.Name, input.IsArchived, ct) is var saved && saved.Succeeded
                ? Results.Created($"/api/v1/sales/loss-reasons/{saved.Id}", new { id = saved.Id })
                : ApiProblems.Failed(saved, text)).RequirePermission(Permissions.ManagePipelines);
        reasons.MapPut("/{id:int}", async (int id, LossReasonRequest input, PipelineService service, IStringLocalizer<SalesModule> text, CancellationToken ct) =>
            await service.SaveLossReasonAsync(id, input.Name, input.IsArchived, ct) is var saved && saved.Succeeded ? Results.NoContent() : ApiProblems.Failed(saved, text))
            .RequirePermission(Permissions.ManagePipelines);
    }
}
