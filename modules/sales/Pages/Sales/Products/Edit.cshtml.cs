using Crm.Sales.Products;
using Crm.Sdk.Security;
using Crm.Sdk.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Crm.Sales.Pages.Sales.Products;

/// <summary>The product form: SKU, name, unit, group, a price field per sales currency (empty = no price), archived.</summary>
[RequirePermission(Permissions.ManageProducts)]
public sealed class EditModel(ProductService products, SalesSettings settings, IStringLocalizer<SalesModule> text) : PageModel
{
    public sealed class ProductForm
    {
        public string? Sku { get; set; }
        public string? Name { get; set; }
        public string? Unit { get; set; }
        public int? GroupId { get; set; }
        public bool IsArchived { get; set; }
        public Dictionary<string, decimal?> Prices { get; set; } = [];
        public int? Version { get; set; }
    }

    [BindProperty] public ProductForm Input { get; set; } = new();
    public int? Id { get; private set; }
    public List<ProductGroupView> Groups { get; private set; } = [];
    public IReadOnlyList<string> Currencies { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (id is { } productId)
        {
            if (await products.FindAsync(productId, ct) is not { } p) return NotFound();
            Input = new ProductForm
            {
                Sku = p.Sku, Name = p.Name, Unit = p.Unit, GroupId = p.GroupId, IsArchived = p.IsArchived, Version = p.Version,
                Prices = p.Prices.ToDictionary(x => x.Currency!, x => x.Price),
            };
        }
        await LoadListsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (ModelState.IsValid)
        {
            var prices = Input.Prices.Where(p => p.Value != null).Select(p => new PriceInput(p.Key, p.Value)).ToList();
            var input = new ProductInput(Input.Sku, Input.Name, Input.Unit, Input.GroupId, Input.IsArchived, prices, Input.Version);
            var result = id is { } productId ? await products.UpdateAsync(productId, input, ct) : await products.CreateAsync(input, ct);
            if (result.NotFound) return NotFound();
            if (result.Succeeded) return Redirect("/Sales/Products");
            if (result.Conflict) ModelState.AddModelError("", text["Validation.Conflict"]);
            // Price errors name the row ("prices[0].price"); on this form the row is the currency.
            foreach (var (field, key) in result.Errors)
                if (field.StartsWith("prices[", StringComparison.Ordinal)) ModelState.AddModelError($"Input.Prices[{prices[int.Parse(field[7..field.IndexOf(']')])].Currency}]", text[key]);
            result.Errors.Where(e => !e.Key.StartsWith("prices[", StringComparison.Ordinal)).ToDictionary().AddTo(ModelState, text);
        }
        await LoadListsAsync(ct);
        return Page();
    }

    async Task LoadListsAsync(CancellationToken ct)
    {
        Groups = await products.GroupsAsync(ct);
        Currencies = await settings.CurrenciesAsync(ct);
    }
}
