using Crm.Sdk.Api;
using Crm.Sdk.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace Crm.Sales.Products;

/// <summary>The query string of the catalogue list.</summary>
public sealed record ProductQuery(string? Search, int? GroupId, bool? IncludeArchived, int? After, int? Limit)
{
    public ProductFilter ToFilter() => new(Search, GroupId, IncludeArchived ?? false, After, Limit ?? 50);
}

/// <summary>/api/v1/sales/products and /api/v1/sales/products/groups: read by those who sell, changed by catalogue managers.</summary>
public static class ProductsApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var products = api.MapGroup("/sales/products").RequirePermission(Permissions.ViewProducts);
        products.MapGet("/", async ([AsParameters] ProductQuery query, ProductService service, CancellationToken ct) =>
            TypedResults.Ok(await service.ListAsync(query.ToFilter(), ct)));
        products.MapGet("/{id:int}", async (int id, ProductService service, CancellationToken ct) =>
            await service.FindAsync(id, ct) is { } product ? Results.Ok(product) : Results.NotFound());
        products.MapPost("/", async (ProductInput input, ProductService service, IStringLocalizer<SalesModule> text, CancellationToken ct) =>
            await service.CreateAsync(input, ct) is var saved && saved.Succeeded
                ? Results.Created($"/api/v1/sales/products/{saved.Id}", new { id = saved.Id })
                : ApiProblems.Failed(saved, text)).RequirePermission(Permissions.ManageProducts);
        products.MapPut("/{id:int}", async (int id, ProductInput input, ProductService service, IStringLocalizer<SalesModule> text, CancellationToken ct) =>
            await service.UpdateAsync(id, input, ct) is var saved && saved.Succeeded ? Results.NoContent() : ApiProblems.Failed(saved, text))
            .RequirePermission(Permissions.ManageProducts);

        products.MapGet("/groups", async (ProductService service, CancellationToken ct) => TypedResults.Ok(await service.GroupsAsync(ct)));
        products.MapPost("/groups", async (ProductGroupInput input, ProductService service, IStringLocalizer<SalesModule> text, CancellationToken ct) =>
            await service.SaveGroupAsync(null, input, ct) is var saved && saved.Succeeded
                ? Results.Created($"/api/v1/sales/products/groups/{saved.Id}", new { id = saved.Id })
                : ApiProblems.Failed(saved, text)).RequirePermission(Permissions.ManageProducts);
        products.MapPut("/groups/{id:int}", async (int id, ProductGroupInput input, ProductService service, IStringLocalizer<SalesModule> text, CancellationToken ct) =>
            await service.SaveGroupAsync(id, input, ct) is var saved && saved.Succeeded ? Results.NoContent() : ApiProblems.Failed(saved, text))
            .RequirePermission(Permissions.ManageProducts);
    }
}
