using Crm.Sales.Deals;
using Crm.Sales.Pipelines;
using Crm.Sdk.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crm.Sales.Pages.Sales.Deals;

/// <summary>The deal list: filters, sorting and keyset paging, within the user's scope.</summary>
[RequirePermission(Permissions.ViewDeals)]
public sealed class IndexModel(DealService deals, PipelineService pipelines, IUserDirectory users, ICurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? PipelineId { get; set; }
    [BindProperty(SupportsGet = true)] public int? StageId { get; set; }
    [BindProperty(SupportsGet = true)] public DealStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? OwnerId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public DealSort Sort { get; set; }
    [BindProperty(SupportsGet = true)] public string? After { get; set; }

    public DealPage Deals { get; private set; } = new([], null);
    public List<PipelineView> Pipelines { get; private set; } = [];
    public IReadOnlyList<UserSummary> Owners { get; private set; } = [];
    public bool CanEdit => user.HasPermission(Permissions.EditDeals);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Pipelines = await pipelines.ListAsync(false, ct);
        Owners = (await users.UsersAsync(ct)).Where(u => u.IsActive).ToList();
        Deals = await deals.ListAsync(new DealFilter(PipelineId, StageId, Status, OwnerId, Search: Search, Sort: Sort, After: After), ct);
    }

    /// <summary>The query string of the next page: the same filter, starting after this page's last row.</summary>
    public Dictionary<string, string> NextPage()
    {
        var query = new Dictionary<string, string?>
        {
            [nameof(PipelineId)] = PipelineId?.ToString(), [nameof(StageId)] = StageId?.ToString(), [nameof(Status)] = Status?.ToString(),
            [nameof(OwnerId)] = OwnerId, [nameof(Search)] = Search, [nameof(Sort)] = Sort.ToString(), [nameof(After)] = Deals.Next,
        };
        return query.Where(q => q.Value != null).ToDictionary(q => q.Key, q => q.Value!);
    }
}
