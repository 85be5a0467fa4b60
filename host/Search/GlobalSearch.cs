using Crm.Host.Modules;
using Crm.Sdk.Search;

namespace Crm.Host.Search;

/// <summary>Asks every enabled module's search provider; each applies the user's record scope itself.</summary>
public sealed class GlobalSearch(IEnumerable<ISearchProvider> providers, ModuleCatalog catalog)
{
    public const int MinimumLength = 2;

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string? query, int limit, CancellationToken cancellationToken)
    {
        query = query?.Trim();
        if (query is null || query.Length < MinimumLength) return [];
        var hits = new List<SearchHit>();
        foreach (var provider in providers.Where(p => catalog.IsActive(p.GetType())))
            hits.AddRange(await provider.SearchAsync(query, limit, cancellationToken));
        return hits.Take(limit).ToList();
    }
}
