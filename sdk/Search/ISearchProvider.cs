namespace Crm.Sdk.Search;

/// <summary>One result of the global search: what it is, its title, a line of detail and where to open it.</summary>
public sealed record SearchHit(string Kind, string Title, string? Detail, string Url);

/// <summary>
/// Answers the global search box for a module's records. It runs only while its module is enabled and must apply the
/// current user's record scope in its own query; register it with <c>AddSearchProvider</c>.
/// </summary>
public interface ISearchProvider
{
    /// <summary>Up to <paramref name="limit"/> records matching <paramref name="query"/> that the current user may see.</summary>
    Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int limit, CancellationToken cancellationToken);
}
