using Crm.Sales.Products;
using Crm.Sdk.Security;
using Crm.Sdk.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Crm.Sales.Pages.Sales.Products;

/// <summary>The catalogue: search by name or SKU, a group filter and keyset paging; catalogue managers also keep the groups here.</summary>
[RequirePermission(Permissions.ViewProducts)]
public sealed class IndexModel(ProductService products, ICurrentUser user, IStringLocalizer<SalesModule> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public int? GroupId { get; set; }
    [BindProperty(SupportsGet = true)] public bool Archived { get; set; }
    [BindProperty(SupportsGet = true)] public int? After { get; set; }

    public ProductPage Products { get; private set; } = new([], null);
    public List<ProductGroupView> Groups { get; private set; } = [];
    public bool CanManage => user.HasPermission(Permissions.ManageProducts);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostGroupAsync(int? id, string? name, CancellationToken ct)
    {
        if (!CanManage) return Forbid();
        var result = await products.SaveGroupAsync(id, new ProductGroupInput(name), ct);
        if (result.NotFound) return NotFound();
        if (result.Succeeded) return RedirectToPage();
        result.Errors.AddTo(ModelState, text, "group.");
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The query string of the next page: the same filter, after this page's last product.</summary>
    public Dictionary<string, string> NextPage()
    {
        var query = new Dictionary<string, string?>
        {
            [nameof(Search)] = Search, [nameof(GroupId)] = GroupId?.ToString(), [nameof(Archived)] = Archived ? "true" : null, [nameof(After)] = Products.Next,
        };
        return query.Where(q => q.Value != null).ToDictionary(q => q.Key, q => q.Value!);
    }

    async Task LoadAsync(CancellationToken ct)
    {
        Groups = await products.GroupsAsync(ct);
        Products = await products.ListAsync(new ProductFilter(FieldErrors.Clean(Search), GroupId, Archived, After), ct);
    }
}
