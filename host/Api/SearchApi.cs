using Crm.Host.Search;

namespace Crm.Host.Api;

public static class SearchApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/search", async (string? q, GlobalSearch search, CancellationToken ct) =>
            TypedResults.Ok(await search.SearchAsync(q, 50, ct))).WithTags("search");
}
