using Crm.Host.Lists;
using Crm.Host.Localization;
using Crm.Sdk.Api;
using Crm.Sdk.Lists;
using Microsoft.Extensions.Localization;

namespace Crm.Host.Api;

/// <summary>A view to save: the list's key, a name, the list's query string, and whether everybody sees it.</summary>
public sealed record SavedViewInput(string? List, string? Name, string? Query, bool Shared = false);

/// <summary>
/// Saved views over /api/v1/saved-views?list=companies: the user's own and the shared views of a list they may see;
/// another user's private view is a 404, whatever is asked of it.
/// </summary>
public static class SavedViewsApi
{
    public static void Map(RouteGroupBuilder views)
    {
        views.MapGet("/", async (string? list, SavedViews service, IStringLocalizer<HostText> text, CancellationToken ct) =>
            service.Available(list) is null
                ? ApiProblems.Field("list", text[string.IsNullOrWhiteSpace(list) ? "SavedViews.ListRequired" : "SavedViews.ListUnknown"])
                : Results.Ok(await service.ListAsync(list!.Trim(), ct)));
        views.MapGet("/{id:int}", async (int id, SavedViews service, CancellationToken ct) =>
            await service.FindAsync(id, ct) is { } view ? Results.Ok(view) : Results.NotFound());
        views.MapPost("/", async (SavedViewInput input, SavedViews service, IStringLocalizer<HostText> text, CancellationToken ct) =>
        {
            var result = await service.SaveAsync(input.List, input.Name, input.Query, input.Shared, ct);
            if (!result.Succeeded) return ApiProblems.Failed(result, text);
            var view = await service.FindAsync(result.Id!.Value, ct);
            return TypedResults.Created($"/api/v1/saved-views/{view!.Id}", view);
        });
        views.MapDelete("/{id:int}", async (int id, SavedViews service, CancellationToken ct) =>
            await service.DeleteAsync(id, ct) ? Results.NoContent() : Results.NotFound());
    }
}
