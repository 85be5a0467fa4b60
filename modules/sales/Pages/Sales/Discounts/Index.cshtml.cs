using Crm.Sales.Discounts;
using Crm.Sdk.Security;
using Crm.Sdk.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Crm.Sales.Pages.Sales.Discounts;

/// <summary>The administrator's discount policy: the largest discount each role may give without approval.</summary>
[RequirePermission(Permissions.ManageDiscounts)]
public sealed class IndexModel(DiscountPolicy policy, IStringLocalizer<SalesModule> text) : PageModel
{
    public sealed class LimitRow
    {
        public string Role { get; set; } = "";
        public decimal? MaxPercent { get; set; }
    }

    [BindProperty] public List<LimitRow> Limits { get; set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await policy.SaveAsync(Limits.Select(l => new DiscountLimitView(l.Role, l.MaxPercent)).ToList(), ct);
            if (result.Succeeded) return RedirectToPage();
            result.Errors.AddTo(ModelState, text, prefix: "");
        }
        return Page();
    }

    async Task LoadAsync(CancellationToken ct) =>
        Limits = (await policy.LimitsAsync(ct)).Select(l => new LimitRow { Role = l.Role, MaxPercent = l.MaxPercent }).ToList();
}
