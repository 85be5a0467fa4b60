using Crm.Sdk.Api;
using Crm.Sdk.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace Crm.Sales.Documents;

/// <summary>/api/v1/sales/deals/{id}/documents (list, issue) and /api/v1/sales/documents/{id} (the document as issued, sandboxed).</summary>
public static class DocumentsApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var ofDeal = api.MapGroup("/sales/deals/{dealId:int}/documents").RequirePermission(Permissions.ViewDeals);
        ofDeal.MapGet("/", async (int dealId, DocumentService service, CancellationToken ct) =>
            await service.ListAsync(dealId, ct) is { } list ? Results.Ok(list) : Results.NotFound());
        ofDeal.MapPost("/", async (int dealId, IssueInput input, DocumentService service, IStringLocalizer<SalesModule> text, CancellationToken ct) =>
            await service.IssueAsync(dealId, input, ct) is var saved && saved.Succeeded
                ? Results.Created($"/api/v1/sales/documents/{saved.Id}", new { id = saved.Id })
                : ApiProblems.Failed(saved, text)).RequirePermission(Permissions.EditDeals);

        api.MapGet("/sales/documents/{id:int}", async (int id, DocumentService service, CancellationToken ct) =>
            await service.HtmlAsync(id, ct) is { } html ? DocumentResults.Html(html) : Results.NotFound()).RequirePermission(Permissions.ViewDeals);
    }
}
