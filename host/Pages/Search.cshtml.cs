using Crm.Host.Search;
using Crm.Sdk.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crm.Host.Pages;

public sealed class SearchModel(GlobalSearch search) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    public IReadOnlyList<SearchHit> Hits { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Hits = await search.SearchAsync(Q, 50, ct);
}
